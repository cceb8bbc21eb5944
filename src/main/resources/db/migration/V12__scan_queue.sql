-- The pending-scan worker is a kind of the one work queue (ADR 0023): a claim's lease, the attempts made, and when the
-- next attempt is due (a document that cannot be read waits its retry schedule; the others go first). scan_tried_at is
-- no longer written; it stays until no replica of the version before this one can run.
alter table document
    add column scan_leased_until timestamptz,
    add column scan_attempts     integer not null default 0,
    add column scan_retry_at     timestamptz;
create index document_scan_due_idx on document (scan_retry_at nulls first, created_at)
    where scan_state = 'PENDING';
drop index document_scan_pending_idx;
