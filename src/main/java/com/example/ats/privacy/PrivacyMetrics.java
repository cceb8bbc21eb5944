package com.example.ats.privacy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;

/** Open and overdue privacy requests, counted at each scrape (a small table, an index on status and due date). */
@ApplicationScoped
class PrivacyMetrics {

    private final PrivacyRequestRepository requests;
    private final Clock clock;

    PrivacyMetrics(PrivacyRequestRepository requests, Clock clock) {
        this.requests = requests;
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
        if (overdueOnly) {
            return QuarkusTransaction.requiringNew().call(() -> requests.countOverdue(clock.instant()));
        }
        return QuarkusTransaction.requiringNew().call(requests::countOpen);
    }
}
