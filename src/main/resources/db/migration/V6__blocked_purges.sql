-- An application whose objects the store refused to delete stays due and is retried with backoff (purge.BlockedPurges),
-- so one stuck object never stops the purge of the others.
alter table application add column purge_attempts integer not null default 0;
alter table application add column purge_retry_at timestamptz;
