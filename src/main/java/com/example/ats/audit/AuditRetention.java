package com.example.ats.audit;

import com.example.ats.partition.MonthlyPartitionRepository;
import com.example.ats.work.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes audit events older than the kept period ({@code ats.audit.keep-for}, 24 months by default): the months that
 * ended before it are dropped whole, the older events of the month it falls in are deleted in batches. Creates the
 * coming months too (ADR 0031).
 */
@Startup // a kept period that would empty the trail is refused at start, not at the first round
@ApplicationScoped
public class AuditRetention {

    static final String TABLE = "audit_event";
    private static final int BATCH = 5_000;

    private final MonthlyPartitionRepository partitions;
    private final AuditEventRepository events;
    private final Period keepFor;
    private final ZoneId zone;
    private final Clock clock;
    private final Jobs jobs;
    private final Event<AuditTrailTrimmed> trimmed;

    AuditRetention(
            MonthlyPartitionRepository partitions,
            AuditEventRepository events,
            AuditConfig config,
            @ConfigProperty(name = "ats.retention.zone") ZoneId zone,
            Clock clock,
            Jobs jobs,
            Event<AuditTrailTrimmed> trimmed) {
        if (config.keepFor().isNegative() || config.keepFor().isZero()) {
            throw new IllegalStateException(
                    "ats.audit.keep-for must be a positive amount, e.g. P24M; it is " + config.keepFor());
        }
        this.partitions = partitions;
        this.events = events;
        this.keepFor = config.keepFor();
        this.zone = zone;
        this.clock = clock;
        this.jobs = jobs;
        this.trimmed = trimmed;
    }

    @Scheduled(
            identity = "audit-retention",
            every = "${ats.audit.housekeeping-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("audit-retention", () -> {
            long removed = runNow();
            if (removed > 0) {
                Log.infof("Removed %d audit events older than %s", removed, keepFor);
            }
        });
    }

    /** The moment before which audit events are removed now. */
    public Instant cutoff() {
        return clock.instant().atZone(zone).minus(keepFor).toInstant();
    }

    /** Removes every audit event older than the kept period; returns how many went. */
    public long runNow() {
        Instant cutoff = cutoff();
        long removed = partitions.dropBefore(TABLE, cutoff, partitions::rows);
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> events.deleteBefore(cutoff, BATCH));
            removed += batch;
        } while (batch == BATCH);
        if (removed > 0) {
            trimmed.fire(new AuditTrailTrimmed(cutoff));
        }
        partitions.prepare(TABLE, clock.instant()); // last: a month it cannot create does not hold up the removal
        return removed;
    }
}
