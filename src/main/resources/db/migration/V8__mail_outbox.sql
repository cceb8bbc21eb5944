-- Mails to applicants, queued in the transaction that causes them and sent by a worker (the mail outbox). One row
-- per cause (dedup_key). The recipient's address is kept only until the mail is sent or given up; the bodies are
-- never stored (rendered from the application when sent). An erased or purged application's rows go with it.
create table mail_message (
    id              uuid primary key,
    dedup_key       varchar(128) not null unique,
    kind            varchar(32)  not null,
    application_id  uuid,
    recipient       varchar(320),
    language        varchar(2)   not null,
    -- what the mail says besides the application's data: codes and dates only (JSON), e.g. a request's due date
    facts           varchar(1024),
    state           varchar(16)  not null,
    attempts        int          not null default 0,
    created_at      timestamptz  not null,
    next_attempt_at timestamptz  not null,
    leased_until    timestamptz,
    sent_at         timestamptz,
    last_outcome    varchar(64)
);
create index mail_message_due on mail_message (next_attempt_at) where state = 'PENDING';
create index mail_message_application on mail_message (application_id, created_at);
