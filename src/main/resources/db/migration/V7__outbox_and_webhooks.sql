-- Domain events, written in the transaction of the change they tell about (the transactional outbox), read by the
-- change feed and fanned out to webhook subscriptions. Ids, types, times and codes only: never personal data.
-- seq is the feed's order: writers take a transaction-level advisory lock before inserting, so seq order is commit
-- order and a reader that sees seq n has seen every committed seq below it (ADR 0011).
create table outbox_event (
    seq         bigint generated always as identity primary key,
    id          uuid        not null unique,
    type        varchar(64) not null,
    subject_id  uuid        not null,
    occurred_at timestamptz not null,
    data        jsonb       not null
);
create index outbox_event_occurred_at on outbox_event (occurred_at);

-- The highest seq deleted because it was older than the kept period: a feed cursor below it is 410.
create table outbox_horizon (
    singleton      boolean primary key default true check (singleton),
    pruned_through bigint  not null
);
insert into outbox_horizon (pruned_through) values (0);

create table webhook_subscription (
    id               uuid primary key,
    target_url       varchar(2048) not null,
    event_types      varchar(1024) not null,
    secret_sealed    bytea         not null,
    owner            varchar(255)  not null,
    state            varchar(16)   not null,
    starts_after     bigint        not null,
    created_at       timestamptz   not null,
    disabled_at      timestamptz,
    -- set when events were removed for age before they could be delivered: the subscriber must resync
    missed_events_at timestamptz,
    version          bigint        not null default 0
);

-- How far the dispatcher has turned events into deliveries (one dispatcher at a time: this row is locked).
create table webhook_dispatch (
    singleton          boolean primary key default true check (singleton),
    dispatched_through bigint  not null
);
insert into webhook_dispatch (dispatched_through) values (0);

create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    event_seq       bigint      not null references outbox_event (seq) on delete cascade,
    ordering_key    uuid        not null,
    created_at      timestamptz not null,
    state           varchar(16) not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    leased_until    timestamptz,
    last_attempt_at timestamptz,
    last_outcome    varchar(64),
    delivered_at    timestamptz,
    unique (subscription_id, event_seq)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
-- The head of each (subscription, application) chain: deliveries go out in order per application.
create index webhook_delivery_chain on webhook_delivery (subscription_id, ordering_key, event_seq)
    where state <> 'DELIVERED';
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, created_at, id);
