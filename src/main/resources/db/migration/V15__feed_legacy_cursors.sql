-- Feed cursors of the earlier plain form (e:<seq>) are read only up to the end of the feed at this upgrade: past it a
-- plain cursor could only have been written by hand, to probe which positions hold events the reader may not read.
create table feed_legacy_horizon (
    singleton boolean primary key default true check (singleton),
    through   bigint  not null
);
insert into feed_legacy_horizon (through)
select greatest(coalesce((select max(seq) from outbox_event), 0), coalesce((select pruned_through from outbox_horizon), 0));
