package com.example.ats.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;

/** Mails sent and failed attempts, counted as they happen; queued, given-up and oldest-unsent, read when scraped. */
@Startup
@ApplicationScoped
public class MailMetrics {

    private final MailMessageRepository mails;
    private final Clock clock;
    private final Counter sent;
    private final Counter failedAttempts;

    MailMetrics(MailMessageRepository mails, Clock clock, MeterRegistry registry) {
        this.mails = mails;
        this.clock = clock;
        this.sent = Counter.builder("ats.mail.sent").description("Mails sent").register(registry);
        this.failedAttempts = Counter.builder("ats.mail.failed.attempts")
                .description("Failed attempts to send a mail (retried by the schedule)")
                .register(registry);
        Gauge.builder("ats.mail.queued", this, m -> m.count(MailMessage.State.PENDING))
                .description("Mails waiting to be sent (first attempt or retry)")
                .register(registry);
        Gauge.builder("ats.mail.given.up", this, m -> m.count(MailMessage.State.FAILED))
                .description("Mails given up after the retry schedule (their addresses dropped)")
                .register(registry);
        Gauge.builder("ats.mail.oldest.unsent.age.seconds", this, MailMetrics::oldestUnsentAge)
                .description("Age of the oldest mail still waiting to be sent, 0 when none")
                .register(registry);
    }

    void sent(boolean wasSent) {
        if (wasSent) {
            sent.increment();
        }
    }

    void failedAttempt() {
        failedAttempts.increment();
    }

    private double count(MailMessage.State state) {
        return QuarkusTransaction.requiringNew().call(() -> mails.countIn(state));
    }

    private double oldestUnsentAge() {
        return QuarkusTransaction.requiringNew()
                .call(mails::oldestUnsent)
                .map(created ->
                        Math.max(0, Duration.between(created, clock.instant()).toSeconds()))
                .orElse(0L);
    }
}
