package com.example.ats.webhook;

import com.example.ats.event.EventStore;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Turns new outbox events into deliveries, then sends what is due. Safe with several replicas: one dispatches at a
 * time (the dispatch row is locked, others skip), and deliveries are claimed with {@code FOR UPDATE SKIP LOCKED} and
 * a lease, so two replicas never send the same attempt and a replica killed mid-send leaves the delivery to be sent
 * again when its lease runs out (at least once). Only the oldest unfinished delivery per subscription and subject is
 * claimable: deliveries about one application go out in order. The slots are shared between the subscriptions
 * with due deliveries, so a slow receiver delays only its own deliveries.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final int DISPATCH_BATCH = 1_000;
    private static final int MAX_ROUNDS = 20;

    private final EntityManager entityManager;
    private final EventStore events;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter disabled;

    WebhookDispatcher(
            EntityManager entityManager,
            EventStore events,
            WebhookSubscriptionRepository subscriptions,
            WebhookSender sender,
            WebhookSecrets secrets,
            WebhookConfig config,
            Outbox outbox,
            ObjectMapper json,
            Clock clock,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.events = events;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.secrets = secrets;
        this.config = config;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        if (config.lease().compareTo(config.connectTimeout().plus(config.responseTimeout())) <= 0) {
            throw new IllegalStateException("ats.webhooks.lease must be longer than the connect and response timeouts"
                    + " together, or no delivery is ever sent");
        }
        this.delivered = Counter.builder("ats.webhook.deliveries")
                .tag("outcome", "delivered")
                .description("Webhook delivery attempts, by outcome")
                .register(registry);
        this.failedAttempts = Counter.builder("ats.webhook.deliveries")
                .tag("outcome", "failed")
                .description("Webhook delivery attempts, by outcome")
                .register(registry);
        this.disabled = Counter.builder("ats.webhook.subscriptions.disabled")
                .description("Subscriptions disabled after a delivery failed past the retry schedule")
                .register(registry);
    }

    @Scheduled(
            identity = "webhook-delivery",
            every = "${ats.webhooks.deliver-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            Log.warnf(
                    "Webhook delivery round failed, retried on the next tick: %s",
                    e.getClass().getSimpleName());
        }
    }

    /** Dispatches every new event and sends everything due, until nothing is left (bounded). */
    public void runOnce() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int dispatched = QuarkusTransaction.requiringNew().call(this::dispatch);
            int sent = deliverDue();
            if (dispatched == 0 && sent == 0) {
                return;
            }
        }
    }

    /** Events after the dispatch position become deliveries to each subscription that wants them. */
    int dispatch() {
        @SuppressWarnings("unchecked")
        List<Number> position = entityManager
                .createNativeQuery("select dispatched_through from webhook_dispatch for update skip locked")
                .getResultList();
        if (position.isEmpty()) {
            return 0; // another replica is dispatching (or the row went in a restore: subscribing brings it back)
        }
        long through = position.getFirst().longValue();
        List<EventStore.Stored> batch = events.after(through, Set.of(), DISPATCH_BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        List<WebhookSubscription> all = subscriptions.listAll();
        Instant now = clock.instant();
        int made = 0;
        for (EventStore.Stored event : batch) {
            for (WebhookSubscription subscription : all) {
                if (event.seq() > subscription.startsAfter && wants(subscription, event.type())) {
                    WebhookDelivery delivery = new WebhookDelivery();
                    delivery.id = UUID.randomUUID();
                    delivery.subscriptionId = subscription.id;
                    delivery.eventSeq = event.seq();
                    delivery.orderingKey = event.subjectId();
                    delivery.createdAt = now;
                    delivery.state = WebhookDelivery.State.PENDING;
                    delivery.nextAttemptAt = now;
                    entityManager.persist(delivery);
                    made++;
                }
            }
        }
        entityManager
                .createNativeQuery("update webhook_dispatch set dispatched_through = :seq")
                .setParameter("seq", batch.getLast().seq())
                .executeUpdate();
        return Math.max(made, 1);
    }

    /**
     * The dispatch position row, again if it went (a restore into emptied tables): from the start, so that
     * subscriptions get what they may have missed; duplicates are allowed, gaps are not. Only when subscribing: a
     * dispatcher that wrote it on its own could collide with a restore that is still loading the tables.
     */
    static void restorePosition(EntityManager entityManager) {
        entityManager
                .createNativeQuery(
                        "insert into webhook_dispatch (dispatched_through) values (0) on conflict do nothing")
                .executeUpdate();
    }

    static boolean wants(WebhookSubscription subscription, EventType type) {
        return type != null && Arrays.asList(subscription.eventTypes.split(",")).contains(type.wireName());
    }

    /** A claimed delivery with what it takes to send it. */
    record Claimed(
            UUID id,
            UUID subscriptionId,
            String target,
            byte[] sealedSecret,
            Instant lease,
            String eventId,
            String body,
            Instant claimedAt) {}

    /** Claims a batch of due deliveries, sends them in parallel, records the outcomes; returns how many were sent. */
    int deliverDue() {
        return deliver(QuarkusTransaction.requiringNew().call(this::claim));
    }

    /** Sends claimed deliveries in parallel and records their outcomes; returns how many there were. */
    int deliver(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        List<WebhookSender.Outcome> outcomes = send(claimed);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < claimed.size(); i++) {
                record(claimed.get(i), outcomes.get(i));
            }
        });
        return claimed.size();
    }

    List<Claimed> claim() {
        Instant now = clock.instant();
        Instant lease = now.plus(config.lease()).truncatedTo(ChronoUnit.MICROS); // compared with the stored one
        // Fair shares: the slots are split between the subscriptions with due deliveries (at least two each), so one
        // slow or dead receiver cannot take every slot while a lone subscriber still gets them all; and no more are
        // claimed than can be sent at once, so every claimed delivery is sent well within its lease.
        @SuppressWarnings("unchecked")
        List<UUID> candidates = entityManager
                .createNativeQuery("""
                        with due as (
                          select d.id, d.subscription_id, d.next_attempt_at, d.event_seq
                            from webhook_delivery d
                            join webhook_subscription s on s.id = d.subscription_id
                           where d.state = 'PENDING' and s.state = 'ACTIVE' and d.next_attempt_at <= :now
                             and (d.leased_until is null or d.leased_until <= :now)
                             and not exists (select 1 from webhook_delivery e
                                              where e.subscription_id = d.subscription_id
                                                and e.ordering_key = d.ordering_key
                                                and e.event_seq < d.event_seq and e.state <> 'DELIVERED')
                        ), ranked as (
                          select id, next_attempt_at, event_seq, row_number() over (
                                   partition by subscription_id order by next_attempt_at, event_seq) as place
                            from due
                        )
                        select id from ranked
                         where place <= greatest(2, :batch / (select count(distinct subscription_id) from due))
                         order by next_attempt_at, event_seq
                         limit :batch""", UUID.class)
                .setParameter("now", now)
                .setParameter("batch", config.parallelism())
                .getResultList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager
                .createNativeQuery("""
                        select id from webhook_delivery
                         where id in (:candidates) and state = 'PENDING'
                           and (leased_until is null or leased_until <= :now)
                         order by event_seq
                         for update skip locked""", UUID.class)
                .setParameter("candidates", candidates)
                .setParameter("now", now)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        entityManager
                .createNativeQuery(
                        "update webhook_delivery set leased_until = :lease, attempts = attempts + 1 where id in (:ids)")
                .setParameter("lease", lease)
                .setParameter("ids", ids)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> details = entityManager
                .createNativeQuery("""
                        select d.id, d.subscription_id, s.target_url, s.secret_sealed, d.attempts, d.event_seq
                          from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                         where d.id in (:ids) order by d.event_seq""", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        Map<Long, EventStore.Stored> stored = events.bySeq(
                details.stream().map(row -> ((Number) row[5]).longValue()).toList());
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : details) {
            EventStore.Stored event = stored.get(((Number) row[5]).longValue());
            claimed.add(new Claimed(
                    (UUID) row[0],
                    (UUID) row[1],
                    (String) row[2],
                    (byte[]) row[3],
                    lease,
                    event.view().id().toString(),
                    body(event),
                    now));
        }
        return claimed;
    }

    private String body(EventStore.Stored event) {
        try {
            return json.writeValueAsString(event.view());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WebhookSender.Outcome> send(List<Claimed> claimed) {
        Duration sendTime = config.connectTimeout().plus(config.responseTimeout());
        Semaphore slots = new Semaphore(config.parallelism());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<WebhookSender.Outcome>> futures = new ArrayList<>();
            for (Claimed delivery : claimed) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        if (!clock.instant().plus(sendTime).isBefore(delivery.lease())) {
                            return null; // too late to finish within our lease: left to the next claim
                        }
                        return sender.send(
                                URI.create(delivery.target()),
                                secrets.open(delivery.sealedSecret(), delivery.subscriptionId()),
                                delivery.eventId(),
                                delivery.body());
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<WebhookSender.Outcome> outcomes = new ArrayList<>();
            for (Future<WebhookSender.Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(new WebhookSender.Outcome(false, "SEND_FAILED"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes.add(new WebhookSender.Outcome(false, "INTERRUPTED"));
                }
            }
            return outcomes;
        }
    }

    /**
     * The outcome of our attempt, unless our lease ran out and the delivery is another replica's now. The claim
     * counted the attempt, so that one whose replica died mid-send counts (its request may have gone out); one that
     * was never sent (claimed too close to the end of its lease) is uncounted here and free to be claimed again.
     */
    private void record(Claimed claimed, WebhookSender.Outcome outcome) {
        WebhookDelivery delivery =
                entityManager.find(WebhookDelivery.class, claimed.id(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !claimed.lease().equals(delivery.leasedUntil)) {
            return; // deleted with its subscription, or taken over after the lease ran out
        }
        delivery.leasedUntil = null;
        if (outcome == null) {
            delivery.attempts--;
            return;
        }
        Instant now = clock.instant();
        List<Duration> schedule = config.retrySchedule();
        delivery.lastAttemptAt = claimed.claimedAt();
        delivery.lastOutcome = outcome.code();
        if (outcome.delivered()) {
            delivery.state = WebhookDelivery.State.DELIVERED;
            delivery.deliveredAt = now;
            delivered.increment();
            return;
        }
        failedAttempts.increment();
        if (delivery.attempts <= schedule.size()) {
            delivery.nextAttemptAt = now.plus(schedule.get(delivery.attempts - 1));
        } else {
            delivery.state = WebhookDelivery.State.FAILED;
            disable(delivery.subscriptionId, now);
        }
    }

    private void disable(UUID subscriptionId, Instant now) {
        WebhookSubscription subscription = subscriptions.findById(subscriptionId);
        if (subscription != null && subscription.state == WebhookSubscription.State.ACTIVE) {
            subscription.state = WebhookSubscription.State.DISABLED;
            subscription.disabledAt = now;
            outbox.record(EventType.WEBHOOK_DISABLED, subscriptionId, "reason", "DELIVERY_FAILED");
            disabled.increment();
            Log.warnf("Webhook subscription %s disabled: a delivery failed past the retry schedule", subscriptionId);
        }
    }
}
