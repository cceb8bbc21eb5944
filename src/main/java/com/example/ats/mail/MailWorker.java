package com.example.ats.mail;

import com.example.ats.work.Jobs;
import com.example.ats.work.RetrySchedule;
import com.example.ats.work.Work;
import com.example.ats.work.WorkQueue;
import com.example.ats.work.WorkTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends queued mails through the {@link WorkQueue}: each is rendered from what is stored when it is claimed, sent
 * over SMTP with the same message id on every attempt, and recorded; failures wait for the retry schedule. The address
 * is dropped once the mail is sent or given up.
 */
@ApplicationScoped
public class MailWorker implements Work<UUID, Void> {

    static final WorkTable MAILS = new WorkTable(
            "mail_message", "w.state = 'PENDING'", "w.next_attempt_at", "leased_until", "attempts", "next_attempt_at");
    private static final int BATCH = 20;

    private final EntityManager entityManager;
    private final WorkQueue queue;
    private final Jobs jobs;
    private final MailContent content;
    private final SmtpSender smtp;
    private final MailConfig config;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;

    MailWorker(
            EntityManager entityManager,
            WorkQueue queue,
            Jobs jobs,
            MailContent content,
            SmtpSender smtp,
            MailConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.queue = queue;
        this.jobs = jobs;
        this.content = content;
        this.smtp = smtp;
        this.config = config;
        this.clock = clock;
        this.sent = Counter.builder("ats.mail.sent").description("Mails sent").register(registry);
        this.failed = Counter.builder("ats.mail.failed.attempts")
                .description("Failed attempts to send a mail (retried by the schedule)")
                .register(registry);
    }

    /** A mail as it goes out; no recipient or no content when the application or the question went meanwhile. */
    record Prepared(UUID id, String recipient, Optional<MailContent.Rendered> rendered) {}

    @Scheduled(
            identity = "mail-sending",
            every = "${ats.mail.send-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.enabled()) {
            jobs.run("mail-sending", () -> {
                while (sendDue() == BATCH) {
                    // more waiting
                }
            });
        }
    }

    /** Sends one batch of due mails; returns how many were claimed. */
    public int sendDue() {
        return queue.runBatch(this).claimed();
    }

    @Override
    public Kind kind() {
        return new Kind(
                MAILS,
                config.lease(),
                config.lease().dividedBy(2),
                RetrySchedule.thenGiveUp(config.retrySchedule()),
                BATCH,
                1);
    }

    @Override
    public Map<UUID, UUID> load(List<UUID> ids) {
        Map<UUID, UUID> claimed = new HashMap<>();
        ids.forEach(id -> claimed.put(id, id));
        return claimed;
    }

    @Override
    public Outcome<Void> perform(UUID id) {
        Prepared mail;
        try { // rendered from what is stored now, in a transaction of its own: one mail that fails holds up no other
            mail = QuarkusTransaction.requiringNew().call(() -> {
                MailMessage message = entityManager.find(MailMessage.class, id);
                return message == null ? null : new Prepared(id, message.recipient, content.render(message));
            });
        } catch (RuntimeException e) {
            return Outcome.failed("RENDER_FAILED");
        }
        if (mail == null || mail.recipient() == null || mail.rendered().isEmpty()) {
            return Outcome.done("GONE"); // the application went meanwhile, or the question it asks is no longer open
        }
        try {
            // the same id on every attempt, so a receiving server or client can drop a second copy
            smtp.send(mail.recipient(), mail.rendered().get(), mail.id() + "@ats");
            return Outcome.done("SENT");
        } catch (MessagingException | RuntimeException e) {
            return Outcome.failed("SMTP_FAILED"); // never the server's words: they may quote the address
        }
    }

    @Override
    public boolean record(WorkQueue.Claim claim, Outcome<Void> outcome, Optional<Instant> retryAt) {
        MailMessage message = entityManager.find(MailMessage.class, claim.id());
        message.lastOutcome = outcome.code();
        if (outcome.done()) {
            boolean wasSent = outcome.code().equals("SENT");
            message.state = wasSent ? MailMessage.State.SENT : MailMessage.State.DROPPED;
            message.sentAt = wasSent ? clock.instant() : null;
            message.recipient = null;
            if (wasSent) {
                sent.increment();
            }
            return true;
        }
        failed.increment();
        if (retryAt.isEmpty()) {
            message.state = MailMessage.State.FAILED;
            message.recipient = null;
            Log.warnf("Mail %s (%s) given up after %d attempts", claim.id(), message.kind, message.attempts);
        }
        return true;
    }
}
