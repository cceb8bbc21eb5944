package com.example.ats.scan;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/**
 * Pending documents and the age of the oldest, read from the database when scraped; the counters of scans and
 * infections are kept by {@link MalwareScanner}.
 */
@Startup
@ApplicationScoped
public class ScanMetrics {

    private final ScanRepository documents;
    private final Clock clock;

    ScanMetrics(ScanRepository documents, Clock clock, MeterRegistry registry) {
        this.documents = documents;
        this.clock = clock;
        Gauge.builder("ats.scan.pending", this, m -> m.read(documents::countPending))
                .description("Documents not scanned yet (staff cannot open them)")
                .register(registry);
        Gauge.builder("ats.scan.oldest.pending.age.seconds", this, ScanMetrics::oldestPendingAge)
                .description("Age of the oldest document waiting for its scan, 0 when none")
                .register(registry);
        Gauge.builder("ats.scan.infected.stored", this, m -> m.read(documents::countInfected))
                .description("Stored documents found infected after intake (kept for the privacy officer)")
                .register(registry);
    }

    private double read(java.util.function.Supplier<Long> count) {
        return QuarkusTransaction.requiringNew().call(count::get);
    }

    private double oldestPendingAge() {
        return QuarkusTransaction.requiringNew()
                .call(documents::oldestPending)
                .map(oldest ->
                        Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()))
                .orElse(0L);
    }
}
