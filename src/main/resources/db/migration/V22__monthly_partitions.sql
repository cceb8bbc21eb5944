-- The audit trail and the outbox are partitioned by calendar month (UTC) on occurred_at, so that what is older than
-- the kept period is dropped a month at a time instead of deleted row by row (ADR 0031). Months are named
-- <table>_pYYYYMM; MonthlyPartitionRepository creates the coming months ahead and moves any row that waited in the default
-- partition (a month not created yet, or a clock set far off) into its month when it creates it.

-- Writers wait while the rows are copied (a replica of the earlier version still running in a rolling update would
-- otherwise write rows after the copy that the drop then takes with it); readers go on.
lock table audit_event, outbox_event, webhook_delivery in exclusive mode;

-- Audit trail. The primary key must hold the partition key; ids stay unique by construction (random UUIDs).
create table audit_event_by_month (
    id             uuid         not null,
    occurred_at    timestamptz  not null,
    actor          varchar(200) not null,
    actor_role     varchar(32)  not null,
    action         varchar(48)  not null,
    application_id uuid,
    request_id     varchar(64),
    detail         varchar(1000),
    primary key (id, occurred_at)
) partition by range (occurred_at);

-- Outbox. seq stays the feed's order, given at insert through the parent; its sequence goes on from the old one.
create table outbox_event_by_month (
    seq         bigint generated always as identity,
    id          uuid        not null,
    type        varchar(64) not null,
    subject_id  uuid        not null,
    occurred_at timestamptz not null,
    data        jsonb       not null,
    primary key (seq, occurred_at),
    unique (id, occurred_at)
) partition by range (occurred_at);

-- The months that hold rows today, and the three after this one; anything else waits in the default partition.
do $$
declare
    t text;
    first_month timestamptz;
    m timestamptz;
begin
    foreach t in array array['audit_event', 'outbox_event'] loop
        execute format('select date_trunc(''month'', min(occurred_at) at time zone ''UTC'') at time zone ''UTC'' from %I', t)
            into first_month;
        m := least(coalesce(first_month, now()), now());
        m := date_trunc('month', m at time zone 'UTC') at time zone 'UTC';
        while m < (date_trunc('month', now() at time zone 'UTC') + interval '4 months') at time zone 'UTC' loop
            execute format('create table %I partition of %I for values from (%L) to (%L)',
                t || '_p' || to_char(m at time zone 'UTC', 'YYYYMM'), t || '_by_month',
                m, ((m at time zone 'UTC') + interval '1 month') at time zone 'UTC');
            m := ((m at time zone 'UTC') + interval '1 month') at time zone 'UTC';
        end loop;
        execute format('create table %I partition of %I default', t || '_default', t || '_by_month');
    end loop;
end
$$;

insert into audit_event_by_month select * from audit_event;
insert into outbox_event_by_month overriding system value select * from outbox_event;
select setval(pg_get_serial_sequence('outbox_event_by_month', 'seq'),
              greatest((select coalesce(max(seq), 0) from outbox_event),
                       (select pruned_through from outbox_horizon),
                       (select coalesce(max(pruned_through), 0) from outbox_horizon_by_type),
                       (select pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'seq')))) + 1,
              false);

-- A delivery references its event by seq; a foreign key cannot (seq alone is not unique across months), so triggers
-- stand in for it: a delivery is inserted only while its event exists (holding the event as the key check did, so a
-- concurrent erasure waits and then removes it too), and a deleted event takes its deliveries along. The caller of
-- MonthlyPartitionRepository removes the deliveries of a month it drops (no row trigger fires for a dropped table).
alter table webhook_delivery drop constraint webhook_delivery_event_seq_fkey;
create index webhook_delivery_event on webhook_delivery (event_seq);

drop table audit_event;
drop table outbox_event;
alter table audit_event_by_month rename to audit_event;
alter table outbox_event_by_month rename to outbox_event;
alter table audit_event rename constraint audit_event_by_month_pkey to audit_event_pkey;
alter table outbox_event rename constraint outbox_event_by_month_pkey to outbox_event_pkey;
alter table outbox_event rename constraint outbox_event_by_month_id_occurred_at_key to outbox_event_id_key;

create index audit_event_keyset_idx on audit_event (occurred_at, id);
create index audit_event_application_idx on audit_event (application_id, occurred_at, id);
create index outbox_event_occurred_at on outbox_event (occurred_at);
-- Erasure removes every event about its subjects.
create index outbox_event_subject on outbox_event (subject_id);

create function outbox_event_gone() returns trigger language plpgsql as $$
begin
    -- Rows moved out of the default partition into their new month (MonthlyPartitionRepository) are not gone.
    if coalesce(current_setting('ats.moving_rows', true), '') <> 'on' then
        delete from webhook_delivery where event_seq = old.seq;
    end if;
    return old;
end;
$$;
create trigger outbox_event_deliveries_go_along after delete on outbox_event
    for each row execute function outbox_event_gone();

create function webhook_delivery_event_exists() returns trigger language plpgsql as $$
begin
    perform 1 from outbox_event where seq = new.event_seq for key share;
    if not found then
        return null; -- its event was erased meanwhile: no delivery
    end if;
    return new;
end;
$$;
create trigger webhook_delivery_needs_its_event before insert on webhook_delivery
    for each row execute function webhook_delivery_event_exists();
