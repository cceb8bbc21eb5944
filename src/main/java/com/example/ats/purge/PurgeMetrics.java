package com.example.ats.purge;

import com.example.ats.purge.PurgeRecordRepository.Overdue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The compliance signals of retention: how many applications are past their expiry and not yet purged, and how
 * long the oldest of them has been overdue (both must stay near zero), next to purged counts, failures and run
 * durations. The overdue figures are measured after every run, also a failed one.
 */
@ApplicationScoped
public class PurgeMetrics {

    private final Counter purged;
    private final Counter failures;
    private final Timer runs;
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong blocked = new AtomicLong();
    private final AtomicLong oldestOverdueSeconds = new AtomicLong();
    private final PurgeRecordRepository records;
    private final Clock clock;

    PurgeMetrics(MeterRegistry registry, PurgeRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
        this.purged = Counter.builder("ats.retention.purged")
                .description("Applications purged because they expired")
                .register(registry);
        this.failures = Counter.builder("ats.retention.purge.failures")
                .description("Purge runs that stopped early (object store unavailable)")
                .register(registry);
        this.runs = Timer.builder("ats.retention.purge.run")
                .description("Duration of purge runs")
                .register(registry);
        Gauge.builder("ats.retention.purge.blocked", blocked, AtomicLong::get)
                .description("Due applications whose objects the store refused to delete; retried with backoff")
                .register(registry);
        Gauge.builder("ats.retention.overdue", overdue, AtomicLong::get)
                .description("Applications past their expiry and not yet purged (held ones excluded)")
                .register(registry);
        Gauge.builder("ats.retention.overdue.oldest.age.seconds", oldestOverdueSeconds, AtomicLong::get)
                .description("How long the most overdue application has been past its expiry")
                .baseUnit("seconds")
                .register(registry);
    }

    void purged(int count) {
        purged.increment(count);
    }

    void failed() {
        failures.increment();
    }

    void ran(long nanos) {
        runs.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Measures the overdue backlog now. */
    public void refreshOverdue() {
        Instant now = clock.instant();
        Overdue backlog = QuarkusTransaction.requiringNew().call(() -> records.overdue(now));
        overdue.set(backlog.count());
        blocked.set(backlog.blocked());
        Instant oldest = backlog.oldestExpiresAt();
        oldestOverdueSeconds.set(
                oldest == null ? 0 : Duration.between(oldest, now).toSeconds());
    }

    public long overdue() {
        return overdue.get();
    }
}
