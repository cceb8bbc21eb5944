-- Each application's files are encrypted by the service with a data key of their own (ADR 0030). The key is kept
-- here only wrapped by a key-encryption key from the configuration (kek_id names it); deleting the row makes every
-- copy of the files in the store and its backups unreadable with anything the live service holds (a database backup
-- keeps its copy of the row until it expires). Deleting the application deletes its key.
create table application_key (
    application_id uuid primary key references application (id) on delete cascade,
    kek_id         varchar(64) not null,
    wrapped        bytea       not null,
    created_at     timestamptz not null
);
create index application_key_kek_idx on application_key (kek_id);

-- encrypted: the object holds ciphertext under the application's key; false for files stored before this change
-- (until the migration job has encrypted them) and when encryption is switched off.
-- plain_object_key: the plaintext object a migrated document was read from, until the job has deleted it; the purge
-- deletes it too. seal_*: the migration job's work queue columns.
alter table document
    add column encrypted          boolean     not null default false,
    add column plain_object_key   varchar(200),
    add column seal_leased_until  timestamptz,
    add column seal_attempts      int         not null default 0,
    add column seal_retry_at      timestamptz;
create index document_plain_idx on document (created_at) where not encrypted;
create index document_plain_copy_idx on document (id) where plain_object_key is not null;

-- Whether the removal destroyed the application's data key (false for an application whose files were never
-- encrypted, and for records written before this change).
alter table purge_record add column key_destroyed boolean not null default false;
