package com.example.ats.event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Forgets events older than the kept period, a batch per transaction; the feed then answers 410 below them. */
@ApplicationScoped
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);
    private static final int BATCH = 5_000;

    private final EventStore store;
    private final EventConfig config;
    private final Clock clock;

    EventRetention(EventStore store, EventConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(
            identity = "event-retention",
            every = "${ats.events.housekeeping-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int removed = pruneNow();
        if (removed > 0) {
            LOG.infof("Removed %d events older than %s", removed, config.keepFor());
        }
    }

    /** Removes every event older than the kept period; returns how many. */
    public int pruneNow() {
        Instant before = clock.instant().minus(config.keepFor());
        int total = 0;
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew().call(() -> store.prune(before, BATCH));
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
