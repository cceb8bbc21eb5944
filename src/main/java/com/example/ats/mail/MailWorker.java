package com.example.ats.mail;

import com.example.ats.work.Jobs;
import com.example.ats.work.RetrySchedule;
import com.example.ats.work.Work;
import com.example.ats.work.WorkQueue;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends queued mails through the {@link WorkQueue}: each is rendered from what is stored when it is claimed, sent
 * over SMTP with the same message id on every attempt, and recorded; failures wait for the retry schedule. The address
 * is dropped once the mail is sent or given up.
 */
@ApplicationScoped
public class MailWorker implements Work<UUID, Void> {

    private static final int BATCH = 20;

    private final MailMessageRepository mails;
    private final WorkQueue queue;
    private final Jobs jobs;
    private final MailContent content;
    private final SmtpSender smtp;
    private final MailConfig config;
    private final Clock clock;
    private final MailMetrics metrics;

    MailWorker(
            MailMessageRepository mails,
            WorkQueue queue,
            Jobs jobs,
            MailContent content,
            SmtpSender smtp,
            MailConfig config,
            Clock clock,
            MailMetrics metrics) {
        this.mails = mails;
        this.queue = queue;
        this.jobs = jobs;
        this.content = content;
        this.smtp = smtp;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A mail as it goes out; no recipient or no content when the application or the question went meanwhile. */
    private record Prepared(String recipient, Optional<MailContent.Rendered> rendered) {}

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
                MailMessageRepository.OUTBOX,
                config.lease(),
                config.lease().dividedBy(2),
                RetrySchedule.thenGiveUp(config.retrySchedule()),
                BATCH,
                1);
    }

    @Override
    public Map<UUID, UUID> load(List<UUID> ids) {
        return ids.stream().collect(Collectors.toMap(id -> id, id -> id));
    }

    @Override
    public Outcome<Void> perform(UUID id) {
        Prepared mail;
        try { // rendered from what is stored now, in a transaction of its own: one mail that fails holds up no other
            mail = QuarkusTransaction.requiringNew().call(() -> {
                MailMessage message = mails.findById(id);
                return message == null ? null : new Prepared(message.recipient, content.render(message));
            });
        } catch (RuntimeException e) {
            return Outcome.failed("RENDER_FAILED");
        }
        if (mail == null || mail.recipient() == null || mail.rendered().isEmpty()) {
            return Outcome.done("GONE"); // the application went meanwhile, or the question it asks is no longer open
        }
        try {
            // the same id on every attempt, so a receiving server or client can drop a second copy
            smtp.send(mail.recipient(), mail.rendered().get(), id + "@ats");
            return Outcome.done("SENT");
        } catch (MessagingException | RuntimeException e) {
            return Outcome.failed("SMTP_FAILED"); // never the server's words: they may quote the address
        }
    }

    @Override
    public boolean record(WorkQueue.Claim claim, Outcome<Void> outcome, Optional<Instant> retryAt) {
        MailMessage message = mails.findById(claim.id());
        message.lastOutcome = outcome.code();
        if (outcome.done()) {
            boolean wasSent = outcome.code().equals("SENT");
            message.end(wasSent ? MailMessage.State.SENT : MailMessage.State.DROPPED, clock.instant());
            metrics.sent(wasSent);
        } else {
            metrics.failedAttempt();
            if (retryAt.isEmpty()) {
                message.end(MailMessage.State.FAILED, clock.instant());
                Log.warnf("Mail %s (%s) given up after %d attempts", claim.id(), message.kind, message.attempts);
            }
        }
        return true;
    }
}
