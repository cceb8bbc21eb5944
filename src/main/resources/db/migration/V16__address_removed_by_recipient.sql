-- Whoever receives a receipt for an application they did not make can take their address out of it (the receipt's
-- "this was not me" link): the application stays, without an e-mail address, and nothing is mailed about it.
alter table applicant alter column email drop not null;
-- The staff search matched nothing on an applicant without an address ('x' || null is null): the same expression
-- with the address coalesced, which the search now uses.
drop index applicant_search_idx;
create index applicant_search_idx on applicant
    using gin ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '')))
    gin_trgm_ops);
