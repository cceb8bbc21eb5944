-- The purge takes expired applications in (expires_at, id) order and skips held ones whose hold has not ended.
-- The partial index of V1 (unheld only) cannot serve that condition, which also admits holds past their end date;
-- a plain index in the purge's order lets every batch read just the rows it takes (plus the few held ones).
drop index application_expiry_idx;
create index application_expiry_idx on application (expires_at, id);
