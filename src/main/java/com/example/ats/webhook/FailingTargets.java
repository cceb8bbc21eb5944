package com.example.ats.webhook;

import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Disables a subscription whose delivery failed past the retry schedule, and says so in the change feed. */
@ApplicationScoped
class FailingTargets {

    private final WebhookSubscriptionRepository subscriptions;
    private final Outbox outbox;
    private final Clock clock;
    private final Counter disabled;

    FailingTargets(WebhookSubscriptionRepository subscriptions, Outbox outbox, Clock clock, MeterRegistry registry) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.clock = clock;
        this.disabled = Counter.builder("ats.webhook.subscriptions.disabled")
                .description("Subscriptions disabled after a delivery failed past the retry schedule")
                .register(registry);
    }

    /** Call in the transaction that records the failed delivery. */
    void disable(UUID subscriptionId) {
        WebhookSubscription subscription = subscriptions.findById(subscriptionId);
        if (subscription != null && subscription.state == WebhookSubscription.State.ACTIVE) {
            subscription.state = WebhookSubscription.State.DISABLED;
            subscription.disabledAt = clock.instant();
            outbox.record(EventType.WEBHOOK_DISABLED, subscriptionId, "reason", "DELIVERY_FAILED");
            disabled.increment();
            Log.warnf("Webhook subscription %s disabled: a delivery failed past the retry schedule", subscriptionId);
        }
    }
}
