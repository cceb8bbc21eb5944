package com.example.ats.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Forgets events older than the kept period, a batch per transaction; the feed then answers 410 below them. Run by
 * the webhook housekeeping, which first marks the subscriptions that lose queued deliveries with them.
 */
@ApplicationScoped
public class EventRetention {

    private static final int BATCH = 5_000;

    private final EventStore store;
    private final EventConfig config;
    private final Clock clock;

    EventRetention(EventStore store, EventConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** The moment before which events are removed now. */
    public Instant cutoff() {
        return clock.instant().minus(config.keepFor());
    }

    /** Removes every event older than the kept period; returns how many. */
    public int pruneNow() {
        Instant before = cutoff();
        int total = 0;
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew().call(() -> store.prune(before, BATCH));
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
