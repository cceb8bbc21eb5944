-- Recruitment statistics that outlive the applications (ADR 0029): counts per vacancy, month (Dutch time), channel
-- and measure, and durations in buckets of days. No column can point back to an application or a person: no
-- application id, no date finer than a month, no free text; no foreign key to anything that is purged.

-- How an application came in: the apply page, the API, or the HR tool's client id. Never a person.
alter table application add column channel varchar(64);

create table application_statistic (
    vacancy_id uuid        not null,
    month      date        not null check (extract(day from month) = 1),
    channel    varchar(64) not null,
    measure    varchar(32) not null,
    count      bigint      not null check (count >= 0),
    primary key (month, vacancy_id, channel, measure)
);

create table application_duration_statistic (
    vacancy_id uuid        not null,
    month      date        not null check (extract(day from month) = 1),
    milestone  varchar(32) not null,
    up_to_days int         not null,
    count      bigint      not null check (count >= 0),
    primary key (month, vacancy_id, milestone, up_to_days)
);

create table privacy_request_statistic (
    month        date        not null check (extract(day from month) = 1),
    request_type varchar(16) not null,
    measure      varchar(32) not null,
    count        bigint      not null check (count >= 0),
    primary key (month, request_type, measure)
);

create table privacy_request_duration_statistic (
    month        date        not null check (extract(day from month) = 1),
    request_type varchar(16) not null,
    up_to_days   int         not null,
    count        bigint      not null check (count >= 0),
    primary key (month, request_type, up_to_days)
);

-- Whether the statistics were filled once from what existed when counting began (StatisticsBackfill).
create table statistics_backfill (
    id        int primary key check (id = 1),
    filled_at timestamptz not null
);
