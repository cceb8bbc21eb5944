package com.example.ats.event;

import com.example.ats.partition.MonthlyPartitionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Forgets events older than the kept period, a month or a batch per transaction; the feed then answers 410 below them. Run by
 * the webhook housekeeping, which first marks the subscriptions that lose queued deliveries with them.
 */
@ApplicationScoped
public class EventRetention {

    private static final int BATCH = 5_000;

    static final String TABLE = "outbox_event";

    private final EventStore store;
    private final EventRepository events;
    private final MonthlyPartitionRepository partitions;
    private final EventConfig config;
    private final Clock clock;

    EventRetention(
            EventStore store,
            EventRepository events,
            MonthlyPartitionRepository partitions,
            EventConfig config,
            Clock clock) {
        this.store = store;
        this.events = events;
        this.partitions = partitions;
        this.config = config;
        this.clock = clock;
    }

    /** The moment before which events are removed now. */
    public Instant cutoff() {
        return clock.instant().minus(config.keepFor());
    }

    /**
     * Removes every event older than the kept period: the months that ended before it are dropped whole, the older
     * events of the month it falls in are deleted. Creates the coming months too. Returns how many events went.
     */
    public long pruneNow() {
        Instant before = cutoff();
        long total = partitions.dropBefore(TABLE, before, events::forgetMonth);
        int removed;
        do {
            removed = QuarkusTransaction.requiringNew().call(() -> store.prune(before, BATCH));
            total += removed;
        } while (removed == BATCH);
        partitions.prepare(TABLE, clock.instant()); // last: a month it cannot create does not hold up the removal
        return total;
    }
}
