-- Sign-in links mailed to an applicant who lost their access code: single use, valid for minutes. Like the consent
-- questions' links, the token is derived from the row's id with the server secret when the mail is sent; only its
-- SHA-256 is kept. The row goes with its application (erasure, purge), and used or expired rows are removed when
-- new links are asked for.
create table sign_in_link (
    id             uuid primary key,
    application_id uuid        not null references application (id) on delete cascade,
    token_sha256   bytea       not null unique,
    created_at     timestamptz not null,
    valid_until    timestamptz not null,
    used_at        timestamptz
);
create index sign_in_link_valid_until on sign_in_link (valid_until);
