package com.example.ats.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** Webhook delivery attempts, counted by outcome as they are recorded. */
@ApplicationScoped
class WebhookMetrics {

    private final Counter delivered;
    private final Counter failed;

    WebhookMetrics(MeterRegistry registry) {
        this.delivered = attempts(registry, "delivered");
        this.failed = attempts(registry, "failed");
    }

    void attempt(boolean wasDelivered) {
        (wasDelivered ? delivered : failed).increment();
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("ats.webhook.deliveries")
                .tag("outcome", outcome)
                .description("Webhook delivery attempts, by outcome")
                .register(registry);
    }
}
