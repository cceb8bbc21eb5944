-- The requester's own words (an objection's reason), for the privacy officer; personal data, kept with the request.
alter table privacy_request add column note varchar(2000);
