-- Staff search applications by a piece of a name or e-mail address, case-insensitively. pg_trgm (a trusted
-- extension since PostgreSQL 13: the database owner may create it) lets a GIN index answer "contains" matches.
create extension if not exists pg_trgm;
create index applicant_search_idx on applicant
    using gin ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || email)) gin_trgm_ops);
create index application_expires_keyset_idx on application (expires_at, applied_at, id);
