-- Rate limits shared by every replica (ADR 0024): Bucket4j's PostgreSQL buckets. The key is an HMAC of the limit's
-- name and the counted key (a client address, a hashed e-mail address, an application), never the address itself.
-- expires_at (milliseconds since the epoch) is when the bucket would be full again; the housekeeping removes those past.
create table rate_limit_bucket (
    id         varchar(80) primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_bucket_expires_idx on rate_limit_bucket (expires_at);
