package com.example.ats.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;

/** Open and overdue privacy requests, counted at each scrape (a small table, an index on status and due date). */
@ApplicationScoped
class PrivacyMetrics {

    private final EntityManager entityManager;
    private final Clock clock;

    PrivacyMetrics(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("ats.privacy.requests.open", this, m -> m.count(false))
                .description("Privacy requests not yet answered")
                .register(registry);
        Gauge.builder("ats.privacy.requests.overdue", this, m -> m.count(true))
                .description("Privacy requests past their due date and not yet answered")
                .register(registry);
    }

    private double count(boolean overdueOnly) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = overdueOnly
                    ? entityManager
                            .createNativeQuery(
                                    "select count(*) from privacy_request where status = 'OPEN' and due_at < ?1")
                            .setParameter(1, clock.instant())
                    : entityManager.createNativeQuery("select count(*) from privacy_request where status = 'OPEN'");
            return ((Number) query.getSingleResult()).doubleValue();
        });
    }
}
