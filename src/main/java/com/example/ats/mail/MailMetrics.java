package com.example.ats.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Queued, given-up and oldest-unsent mails, read from the outbox when scraped. */
@Startup
@ApplicationScoped
public class MailMetrics {

    private final EntityManager entityManager;
    private final Clock clock;

    MailMetrics(EntityManager entityManager, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.clock = clock;
        Gauge.builder("ats.mail.queued", this, m -> m.count("PENDING"))
                .description("Mails waiting to be sent (first attempt or retry)")
                .register(registry);
        Gauge.builder("ats.mail.given.up", this, m -> m.count("FAILED"))
                .description("Mails given up after the retry schedule (their addresses dropped)")
                .register(registry);
        Gauge.builder("ats.mail.oldest.unsent.age.seconds", this, MailMetrics::oldestUnsentAge)
                .description("Age of the oldest mail still waiting to be sent, 0 when none")
                .register(registry);
    }

    private double count(String state) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from mail_message where state = :state")
                                .setParameter("state", state)
                                .getSingleResult())
                        .doubleValue());
    }

    private double oldestUnsentAge() {
        Object oldest = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select min(created_at) from mail_message where state = 'PENDING'")
                        .getSingleResult());
        if (oldest == null) {
            return 0;
        }
        Instant created = com.example.ats.shared.SqlValues.instant(oldest);
        return Math.max(0, Duration.between(created, clock.instant()).toSeconds());
    }
}
