package com.example.ats.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends queued mails: claims a batch with {@code FOR UPDATE SKIP LOCKED} and a lease (two replicas never take the
 * same mail; a replica killed mid-send leaves it to be sent when the lease runs out), renders each from what is
 * stored now, sends it over SMTP, and records the outcome; failures wait for the retry schedule. The address is
 * dropped once the mail is sent or given up.
 */
@ApplicationScoped
public class MailWorker {

    private static final int BATCH = 20;

    private final EntityManager entityManager;
    private final MailContent content;
    private final SmtpSender smtp;
    private final MailConfig config;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    MailWorker(
            EntityManager entityManager,
            MailContent content,
            SmtpSender smtp,
            MailConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.content = content;
        this.smtp = smtp;
        this.config = config;
        this.clock = clock;
        this.sent = Counter.builder("ats.mail.sent").description("Mails sent").register(registry);
        this.failed = Counter.builder("ats.mail.failed.attempts")
                .description("Failed attempts to send a mail (retried by the schedule)")
                .register(registry);
    }

    @Scheduled(
            identity = "mail-sending",
            every = "${ats.mail.send-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        try {
            while (sendDue() == BATCH) {
                // more waiting
            }
        } catch (RuntimeException e) {
            Log.warnf(
                    "Mail round failed, retried on the next tick: %s",
                    e.getClass().getSimpleName());
        }
    }

    /** Sends one batch of due mails; returns how many were claimed. */
    public int sendDue() {
        Instant now = clock.instant();
        Instant lease = now.plus(config.lease()).truncatedTo(ChronoUnit.MICROS);
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = entityManager
                    .createNativeQuery("""
                            select id from mail_message
                             where state = 'PENDING' and next_attempt_at <= :now
                               and (leased_until is null or leased_until <= :now)
                             order by next_attempt_at
                             limit :batch
                             for update skip locked""", UUID.class)
                    .setParameter("now", now)
                    .setParameter("batch", BATCH)
                    .getResultList();
            if (!ids.isEmpty()) {
                entityManager
                        .createNativeQuery("update mail_message set leased_until = :lease, attempts = attempts + 1"
                                + " where id in (:ids)")
                        .setParameter("lease", lease)
                        .setParameter("ids", ids)
                        .executeUpdate();
            }
            return ids;
        });
        for (UUID id : claimed) {
            send(id, lease);
        }
        return claimed.size();
    }

    private void send(UUID id, Instant lease) {
        record Prepared(String recipient, Optional<MailContent.Rendered> rendered) {}
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> {
            MailMessage message = entityManager.find(MailMessage.class, id);
            if (message == null || !lease.equals(message.leasedUntil)) {
                return null;
            }
            return new Prepared(message.recipient, content.render(message));
        });
        if (prepared == null) {
            return;
        }
        String outcome;
        if (prepared.recipient() == null || prepared.rendered().isEmpty()) {
            outcome = "GONE"; // the application went meanwhile, or the question it asks is no longer open
        } else {
            MailContent.Rendered mail = prepared.rendered().get();
            try {
                // the same id on every attempt, so a receiving server or client can drop a second copy
                smtp.send(prepared.recipient(), mail, id + "@ats");
                outcome = "SENT";
            } catch (MessagingException | RuntimeException e) {
                outcome = "SMTP_FAILED"; // never the server's words: they may quote the address
            }
        }
        String result = outcome;
        QuarkusTransaction.requiringNew().run(() -> record(id, lease, result));
    }

    private void record(UUID id, Instant lease, String outcome) {
        MailMessage message = entityManager.find(MailMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !lease.equals(message.leasedUntil)) {
            return;
        }
        Instant now = clock.instant();
        message.leasedUntil = null;
        message.lastOutcome = outcome;
        List<Duration> schedule = config.retrySchedule();
        if (outcome.equals("SENT") || outcome.equals("GONE")) {
            message.state = outcome.equals("SENT") ? MailMessage.State.SENT : MailMessage.State.DROPPED;
            message.sentAt = outcome.equals("SENT") ? now : null;
            message.recipient = null;
            if (outcome.equals("SENT")) {
                sent.increment();
            }
        } else if (message.attempts <= schedule.size()) {
            failed.increment();
            message.nextAttemptAt = now.plus(schedule.get(message.attempts - 1));
        } else {
            failed.increment();
            message.state = MailMessage.State.FAILED;
            message.recipient = null;
            Log.warnf("Mail %s (%s) given up after %d attempts", id, message.kind, message.attempts);
        }
    }
}
