package com.example.ats.webhook;

import com.example.ats.event.EventStore;
import com.example.ats.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns new outbox events into deliveries, one per subscription that wants the event. One replica fans out at a time
 * (a transaction-scoped advisory lock: a replica that finds it taken does nothing this round rather than wait).
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final int BATCH = 1_000;

    private final DispatchPositionRepository position;
    private final EventStore events;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final Clock clock;

    WebhookFanOut(
            DispatchPositionRepository position,
            EventStore events,
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryRepository deliveries,
            Clock clock) {
        this.position = position;
        this.events = events;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Events after the dispatch position become deliveries; returns how many (at least one if events were taken). */
    public int dispatch() {
        if (!position.tryLockFanOut()) {
            return 0; // another replica is fanning out
        }
        Optional<Long> through = position.lock();
        if (through.isEmpty()) {
            return 0; // the row went in a restore: subscribing brings it back
        }
        List<EventStore.Stored> batch = events.after(through.get(), Set.of(), BATCH);
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
                    deliveries.persist(delivery);
                    made++;
                }
            }
        }
        position.moveTo(batch.getLast().seq());
        return Math.max(made, 1);
    }

    static boolean wants(WebhookSubscription subscription, EventType type) {
        return type != null && Arrays.asList(subscription.eventTypes.split(",")).contains(type.wireName());
    }
}
