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

-- statistics backfill --
-- Fills the statistics once from what exists now, as the events would have counted it (StatisticsBackfillTest runs
-- this part again and compares). Removals made before now cannot be placed (their applications are gone) and are not
-- counted. The marker row makes a second run add nothing. Buckets and months as in statistics.Periods; open
-- applications (no vacancy) under the nil UUID, as StatisticsRepository.NO_VACANCY.
insert into statistics_backfill (id, filled_at) values (1, now()) on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now()),
first_consent as (
    select distinct on (application_id) application_id, id, action
      from consent_event where kind = 'RETENTION'
     order by application_id, occurred_at, id),
counted as (
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid) as vacancy_id, a.applied_at,
           coalesce(a.channel, 'unknown') as channel, 'RECEIVED' as measure
      from application a
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at, coalesce(a.channel, 'unknown'),
           case when f.action = 'GRANTED' then 'CONSENT_GIVEN' else 'CONSENT_REFUSED' end
      from application a left join first_consent f on f.application_id = a.id
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at, coalesce(a.channel, 'unknown'),
           case when c.action = 'GRANTED' then 'CONSENT_GIVEN_LATER' else 'CONSENT_WITHDRAWN' end
      from consent_event c join application a on a.id = c.application_id
      join first_consent f on f.application_id = c.application_id
     where c.kind = 'RETENTION' and c.action in ('GRANTED', 'WITHDRAWN') and c.id <> f.id
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at,
           coalesce(a.channel, 'unknown'), 'REACHED_' || s.to_status
      from status_change s join application a on a.id = s.application_id
     where s.to_status <> 'RECEIVED')
insert into application_statistic (vacancy_id, month, channel, measure, count)
select vacancy_id, date_trunc('month', applied_at at time zone 'Europe/Amsterdam')::date, channel, measure, count(*)
  from counted where exists (select 1 from filling)
 group by 1, 2, 3, 4
on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now()),
took as (
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid) as vacancy_id, a.applied_at,
           s.to_status as milestone, s.changed_at - a.applied_at as took
      from status_change s join application a on a.id = s.application_id
     where s.to_status <> 'RECEIVED'
    union all
    select coalesce(a.vacancy_id, '00000000-0000-0000-0000-000000000000'::uuid), a.applied_at, 'FIRST_RESPONSE', s.changed_at - a.applied_at
      from status_change s join application a on a.id = s.application_id
     where s.from_status = 'RECEIVED')
insert into application_duration_statistic (vacancy_id, month, milestone, up_to_days, count)
select vacancy_id, date_trunc('month', applied_at at time zone 'Europe/Amsterdam')::date, milestone,
       case when took <= interval '1 days' then 1 when took <= interval '2 days' then 2
            when took <= interval '7 days' then 7 when took <= interval '14 days' then 14
            when took <= interval '28 days' then 28 when took <= interval '56 days' then 56
            when took <= interval '91 days' then 91 when took <= interval '182 days' then 182 else 0 end,
       count(*)
  from took where exists (select 1 from filling)
 group by 1, 2, 3, 4
on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now()),
counted as (
    select received_at, type, 'REGISTERED' as measure from privacy_request
    union all
    select received_at, type, case when closed_at > due_at then 'CLOSED_LATE' else 'CLOSED_ON_TIME' end
      from privacy_request where status = 'CLOSED'
    union all
    select received_at, type, 'OUTCOME_' || coalesce(outcome_code, 'FULFILLED')
      from privacy_request where status = 'CLOSED')
insert into privacy_request_statistic (month, request_type, measure, count)
select date_trunc('month', received_at at time zone 'Europe/Amsterdam')::date, type, measure, count(*)
  from counted where exists (select 1 from filling)
 group by 1, 2, 3
on conflict do nothing;

with filling as (select 1 from statistics_backfill where id = 1 and filled_at = now())
insert into privacy_request_duration_statistic (month, request_type, up_to_days, count)
select date_trunc('month', received_at at time zone 'Europe/Amsterdam')::date, type,
       case when closed_at - received_at <= interval '1 days' then 1
            when closed_at - received_at <= interval '2 days' then 2
            when closed_at - received_at <= interval '7 days' then 7
            when closed_at - received_at <= interval '14 days' then 14
            when closed_at - received_at <= interval '28 days' then 28
            when closed_at - received_at <= interval '56 days' then 56
            when closed_at - received_at <= interval '91 days' then 91
            when closed_at - received_at <= interval '182 days' then 182 else 0 end,
       count(*)
  from privacy_request where status = 'CLOSED' and exists (select 1 from filling)
 group by 1, 2, 3
on conflict do nothing;
