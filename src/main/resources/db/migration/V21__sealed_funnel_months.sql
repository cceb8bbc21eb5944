-- A month of the funnel whose every application is gone (ADR 0029): kept only as it may be shown, small counts
-- already hidden, and its counts deleted, so that no count of fewer than k people stays at rest and later answers
-- cannot be subtracted from earlier ones. Vacancy ids, measures and counts only; titles are read at answer time.
create table sealed_funnel_month (
    month     date        primary key,
    shown     json        not null, -- json, not jsonb: kept as written, in the order it is shown
    sealed_at timestamptz not null
);
