package com.example.ats.webhook;

import com.example.ats.event.EventRetention;
import com.example.ats.work.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Events older than the kept period go, and with them their deliveries. First the subscriptions that lose queued
 * deliveries that way are marked (`missedEventsAt`: resync), and subscriptions disabled for longer than the period
 * are removed with their sealed secrets: a receiver gone for a month is gone.
 */
@ApplicationScoped
public class WebhookHousekeeping {

    private final WebhookSubscriptionRepository subscriptions;
    private final EventRetention retention;
    private final Clock clock;
    private final Jobs jobs;

    WebhookHousekeeping(WebhookSubscriptionRepository subscriptions, EventRetention retention, Clock clock, Jobs jobs) {
        this.jobs = jobs;
        this.subscriptions = subscriptions;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(
            identity = "event-retention",
            every = "${ats.events.housekeeping-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("event-retention", () -> {
            Result result = runNow();
            if (result.events() > 0 || result.subscriptionsRemoved() > 0 || result.subscriptionsMarked() > 0) {
                Log.infof(
                        "Removed %d old events and %d long-disabled webhook subscriptions; %d subscriptions missed"
                                + " events",
                        result.events(), result.subscriptionsRemoved(), result.subscriptionsMarked());
            }
        });
    }

    public record Result(int subscriptionsMarked, int subscriptionsRemoved, long events) {}

    public Result runNow() {
        Instant cutoff = retention.cutoff();
        Instant now = clock.instant();
        int marked = QuarkusTransaction.requiringNew().call(() -> subscriptions.markMissedEvents(now, cutoff));
        int removed = QuarkusTransaction.requiringNew().call(() -> subscriptions.removeDisabledBefore(cutoff));
        return new Result(marked, removed, retention.pruneNow());
    }
}
