package com.example.ats.scan;

import com.example.ats.shared.SqlValues;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;

/**
 * Pending documents and the age of the oldest, read from the database when scraped; the counters of scans and
 * infections are kept by {@link MalwareScanner}.
 */
@Startup
@ApplicationScoped
public class ScanMetrics {

    private final EntityManager entityManager;
    private final Clock clock;

    ScanMetrics(EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        Gauge.builder("ats.scan.pending", this, ScanMetrics::pending)
                .description("Documents not scanned yet (staff cannot open them)")
                .register(registry);
        Gauge.builder("ats.scan.oldest.pending.age.seconds", this, ScanMetrics::oldestPendingAge)
                .description("Age of the oldest document waiting for its scan, 0 when none")
                .register(registry);
        Gauge.builder("ats.scan.infected.stored", this, ScanMetrics::infectedStored)
                .description("Stored documents found infected after intake (kept for the privacy officer)")
                .register(registry);
    }

    private double pending() {
        return count("select count(*) from document where scan_state = 'PENDING'");
    }

    private double infectedStored() {
        return count("select count(*) from document where scan_state = 'INFECTED'");
    }

    private double count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).doubleValue());
    }

    private double oldestPendingAge() {
        Object oldest = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select min(created_at) from document where scan_state = 'PENDING'")
                        .getSingleResult());
        if (oldest == null) {
            return 0;
        }
        return Math.max(
                0, Duration.between(SqlValues.instant(oldest), clock.instant()).toSeconds());
    }
}
