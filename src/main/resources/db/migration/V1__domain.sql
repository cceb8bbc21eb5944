-- The whole domain of DESIGN.md. Personal data lives only in applicant, document (file names),
-- consent_event (guardian details) and privacy_request (the requester's e-mail); every other table holds ids,
-- times and codes, so purge records and audit events prove what happened without keeping who it happened to.

create table vacancy (
    id          uuid primary key,
    title       varchar(200)  not null,
    description varchar(10000),
    location    varchar(200),
    status      varchar(16)   not null check (status in ('OPEN', 'CLOSED')),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    version     bigint        not null default 0
);
create index vacancy_keyset_idx on vacancy (created_at, id);

create table application (
    id                 uuid primary key,
    vacancy_id         uuid references vacancy (id),
    status             varchar(16)  not null
        check (status in ('RECEIVED', 'SCREENING', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN')),
    applied_at         timestamptz  not null,
    -- when the application left the open pipeline (for the PROCEDURE_END retention reading)
    procedure_ended_at timestamptz,
    -- null while no expiry is due yet (PROCEDURE_END reading and the application still in the pipeline)
    expires_at         timestamptz,
    policy_version     varchar(128) not null,
    legal_hold_reason  varchar(500),
    legal_hold_until   timestamptz,
    legal_hold_set_at  timestamptz,
    legal_hold_set_by  varchar(200),
    -- SHA-256 of the applicant's self-service token; the token itself is never stored
    access_token_hash  bytea        not null unique,
    version            bigint       not null default 0
);
create index application_keyset_idx on application (applied_at, id);
create index application_vacancy_idx on application (vacancy_id, applied_at, id);
create index application_status_idx on application (status, applied_at, id);
-- the purge's work queue: expired and not held
create index application_expiry_idx on application (expires_at) where legal_hold_reason is null;

create table applicant (
    application_id             uuid primary key references application (id) on delete cascade,
    first_name                 varchar(100),
    last_name                  varchar(100),
    email                      varchar(254) not null,
    phone                      varchar(40),
    street                     varchar(200),
    house_number               varchar(20),
    postal_code                varchar(20),
    city                       varchar(100),
    country                    varchar(100),
    birth_date                 date,
    gender                     varchar(40),
    marital_status             varchar(40),
    driving_licence_categories varchar(100)
);
create index applicant_email_idx on applicant (lower(email));

create table document (
    id             uuid primary key,
    application_id uuid         not null references application (id) on delete cascade,
    kind           varchar(24)  not null check (kind in ('CV', 'MOTIVATION_LETTER', 'OTHER')),
    file_name      varchar(255) not null,
    media_type     varchar(127) not null,
    size_bytes     bigint       not null check (size_bytes > 0),
    sha256         varchar(64)  not null,
    -- generated, never derived from user input
    object_key     varchar(200) not null unique,
    created_at     timestamptz  not null
);
create index document_application_idx on document (application_id);

-- Append-only history of consent: retention consent (12 months) and parental consent (under 16).
create table consent_event (
    id             bigint generated always as identity primary key,
    application_id uuid         not null references application (id) on delete cascade,
    kind           varchar(16)  not null check (kind in ('RETENTION', 'PARENTAL')),
    action         varchar(16)  not null check (action in ('GRANTED', 'REFUSED', 'WITHDRAWN')),
    occurred_at    timestamptz  not null,
    channel        varchar(16)  not null check (channel in ('WEB', 'EMAIL', 'PHONE', 'POST', 'IN_PERSON')),
    text_version   varchar(64),
    text_sha256    varchar(64),
    recorded_by    varchar(200),
    guardian_name  varchar(200),
    guardian_email varchar(254)
);
create index consent_event_application_idx on consent_event (application_id, occurred_at, id);

create function consent_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent_event is append-only: record a new event instead of changing one';
end;
$$;
create trigger consent_event_no_update before update on consent_event
    for each row execute function consent_event_is_append_only();

create table status_change (
    id             bigint generated always as identity primary key,
    application_id uuid         not null references application (id) on delete cascade,
    from_status    varchar(16),
    to_status      varchar(16)  not null,
    changed_at     timestamptz  not null,
    changed_by     varchar(200) not null,
    changed_by_role varchar(32) not null
);
create index status_change_application_idx on status_change (application_id, changed_at, id);

-- Proof of deletion. No personal data; one record per application (the unique key makes it exactly once).
create table purge_record (
    id              uuid primary key,
    application_id  uuid        not null unique,
    expires_at      timestamptz,
    purged_at       timestamptz not null,
    reason          varchar(24) not null check (reason in ('EXPIRED', 'ERASURE_REQUEST')),
    policy_version  varchar(128) not null,
    objects_removed integer     not null
);
create index purge_record_keyset_idx on purge_record (purged_at, id);

-- Who did what to which application. No personal data; application_id has no foreign key so the trail outlives a purge.
create table audit_event (
    id             uuid primary key,
    occurred_at    timestamptz  not null,
    actor          varchar(200) not null,
    actor_role     varchar(32)  not null,
    action         varchar(48)  not null,
    application_id uuid,
    request_id     varchar(64),
    detail         varchar(1000)
);
create index audit_event_keyset_idx on audit_event (occurred_at, id);
create index audit_event_application_idx on audit_event (application_id, occurred_at, id);

create table privacy_request (
    id          uuid primary key,
    type        varchar(16)  not null
        check (type in ('ACCESS', 'RECTIFICATION', 'ERASURE', 'PORTABILITY', 'WITHDRAWAL', 'OBJECTION')),
    email       varchar(254),
    channel     varchar(16)  not null,
    received_at timestamptz  not null,
    due_at      timestamptz  not null,
    status      varchar(16)  not null check (status in ('OPEN', 'CLOSED')),
    outcome     varchar(2000),
    closed_at   timestamptz,
    created_by  varchar(200) not null,
    version     bigint       not null default 0
);
create index privacy_request_open_idx on privacy_request (status, due_at, id);

create table privacy_request_application (
    privacy_request_id uuid not null references privacy_request (id) on delete cascade,
    application_id     uuid not null,
    primary key (privacy_request_id, application_id)
);

-- Safe retries of intake: the first answer is kept (without the access token) for the key's lifetime.
create table idempotency_key (
    key            varchar(200) primary key,
    request_sha256 varchar(64)  not null,
    application_id uuid         not null,
    created_at     timestamptz  not null,
    expires_at     timestamptz  not null
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);
