-- Every document is scanned for malware (ADR 0015). CLEAN: the scanner found nothing; PENDING: not scanned yet (the
-- scanner was down or slow at intake, or the file predates scanning), staff cannot open it; INFECTED: found later by
-- the scanning worker (at intake an infected file is refused and nothing is kept), with the signature's name.
-- scan_database: the scanner's engine and signature database version the verdict was given with.
alter table document
    add column scan_state     varchar(16) not null default 'PENDING'
        check (scan_state in ('CLEAN', 'PENDING', 'INFECTED')),
    add column scan_signature varchar(200),
    add column scan_database  varchar(200),
    add column scanned_at     timestamptz,
    -- the worker's last attempt: it takes the longest-untried pending document first, so one that cannot be read
    -- (its object missing) does not hold up the others
    add column scan_tried_at  timestamptz,
    add constraint document_scan_signature_check check ((scan_state = 'INFECTED') = (scan_signature is not null));
create index document_scan_pending_idx on document (scan_tried_at nulls first, created_at)
    where scan_state = 'PENDING';
