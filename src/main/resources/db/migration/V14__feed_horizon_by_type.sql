-- The highest seq removed for age, per event type: a feed cursor is 410 only when an event the reader could read may
-- have gone after it (a cursor stays on the last event its reader could read, so it can lag far behind events of
-- other types). '*' stands for every type: what was pruned before this table existed.
create table outbox_horizon_by_type (
    type           varchar(64) primary key,
    pruned_through bigint      not null
);
insert into outbox_horizon_by_type (type, pruned_through)
select '*', pruned_through from outbox_horizon where pruned_through > 0;
