-- The register keeps proof, not people: once a request is closed and its applications are gone, the requester's
-- e-mail address and every free text are removed (privacy.RegisterMinimisation), and only ids, type, channel,
-- dates and the outcome code remain.
alter table privacy_request add column outcome_code varchar(24)
    check (outcome_code in ('FULFILLED', 'PARTLY_FULFILLED', 'REFUSED', 'NOTHING_HELD'));
alter table privacy_request add column minimised_at timestamptz;
update privacy_request set outcome_code = 'FULFILLED' where status = 'CLOSED';
-- Finds the requests of purged applications.
create index privacy_request_application_app_idx on privacy_request_application (application_id);
