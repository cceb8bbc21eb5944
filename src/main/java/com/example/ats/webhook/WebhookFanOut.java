package com.example.ats.webhook;

import com.example.ats.event.EventStore;
import com.example.ats.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns new outbox events into deliveries, one per subscription that wants the event. One replica fans out at a time
 * (a transaction-scoped advisory lock: a replica that finds it taken does nothing this round rather than wait).
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final int BATCH = 1_000;

    private final EntityManager entityManager;
    private final EventStore events;
    private final WebhookSubscriptionRepository subscriptions;
    private final Clock clock;

    WebhookFanOut(
            EntityManager entityManager, EventStore events, WebhookSubscriptionRepository subscriptions, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Events after the dispatch position become deliveries; returns how many (at least one if events were taken). */
    public int dispatch() {
        boolean ours = (Boolean) entityManager
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtext('webhook-fan-out'))")
                .getSingleResult();
        if (!ours) {
            return 0; // another replica is fanning out
        }
        @SuppressWarnings("unchecked")
        List<Number> position = entityManager
                .createNativeQuery("select dispatched_through from webhook_dispatch for update")
                .getResultList();
        if (position.isEmpty()) {
            return 0; // the row went in a restore: subscribing brings it back
        }
        long through = position.getFirst().longValue();
        List<EventStore.Stored> batch = events.after(through, Set.of(), BATCH);
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
}
