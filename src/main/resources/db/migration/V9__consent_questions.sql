-- The applicant's language (nl or en), for the mails sent after intake; null means Dutch.
alter table application add column language varchar(2);
-- The requester's language for a privacy request's mails; null means Dutch.
alter table privacy_request add column language varchar(2);
-- A renewal grant starts its period where the current one ends (not when it is given): the applicant agreed to
-- keep the file until that end plus the period, a date the renewal page states in words.
alter table consent_event add column period_starts_at timestamptz;

-- Questions asked by e-mail about the retention consent: a renewal before the consented period ends, or a notice
-- that the consent text changed (with the way to withdraw). The link's token is never stored, only its SHA-256;
-- it is derived from the question's id with the server secret when the mail is sent. One question per purpose and
-- period (a renewal) or text version (a change): replicas asking at once insert one row.
create table consent_question (
    id             uuid primary key,
    application_id uuid        not null references application (id) on delete cascade,
    purpose        varchar(24) not null check (purpose in ('RENEWAL', 'TEXT_CHANGED')),
    -- RENEWAL: the expiry the question asks to extend; TEXT_CHANGED: the new text's version
    asked_for      varchar(64) not null,
    text_version   varchar(64) not null,
    token_sha256   bytea       not null unique,
    created_at     timestamptz not null,
    valid_until    timestamptz not null,
    answered_at    timestamptz,
    answer         varchar(16) check (answer in ('RENEWED', 'DECLINED', 'WITHDRAWN')),
    unique (application_id, purpose, asked_for)
);

-- Consent text versions whose change has been (or is being) announced; the first version seen is recorded
-- without mails (nothing changed for anyone).
create table consent_text_announcement (
    version      varchar(64) primary key,
    started_at   timestamptz not null,
    finished_at  timestamptz
);
