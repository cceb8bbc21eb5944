package com.example.ats.webhook;

import com.example.ats.webhook.WebhookDeliveryRepository.Outgoing;
import com.example.ats.work.Jobs;
import com.example.ats.work.RetrySchedule;
import com.example.ats.work.Work;
import com.example.ats.work.WorkQueue;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends webhook deliveries through the {@link WorkQueue}, after {@link WebhookFanOut} made them: several at once, the
 * slots shared fairly between the subscriptions with due deliveries (a slow receiver delays only its own), and only
 * the oldest unfinished delivery per subscription and subject at a time (deliveries about one application go out in
 * order). A replica killed mid-send leaves the delivery to be sent again when its lease runs out (at least once).
 */
@ApplicationScoped
public class WebhookDispatcher implements Work<Outgoing, Void> {

    private static final int MAX_ROUNDS = 20;
    /** The outcome of a delivery whose owner no longer holds a role that may read its type. */
    static final String OWNER_MAY_NOT_READ = "OWNER_MAY_NOT_READ";

    private final WorkQueue queue;
    private final Jobs jobs;
    private final WebhookFanOut fanOut;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookSecrets secrets;
    private final WebhookConfig config;
    private final FailingTargets failing;
    private final OwnerRoles ownerRoles;
    private final Clock clock;
    private final WebhookMetrics metrics;

    WebhookDispatcher(
            WorkQueue queue,
            Jobs jobs,
            WebhookFanOut fanOut,
            WebhookDeliveryRepository deliveries,
            WebhookSender sender,
            WebhookSecrets secrets,
            WebhookConfig config,
            FailingTargets failing,
            OwnerRoles ownerRoles,
            Clock clock,
            WebhookMetrics metrics) {
        if (config.lease().compareTo(config.attemptTakes()) <= 0) {
            throw new IllegalStateException("ats.webhooks.lease must be longer than the owner-roles, connect and"
                    + " response timeouts together, or no delivery is ever sent");
        }
        this.queue = queue;
        this.jobs = jobs;
        this.fanOut = fanOut;
        this.deliveries = deliveries;
        this.sender = sender;
        this.secrets = secrets;
        this.config = config;
        this.failing = failing;
        this.ownerRoles = ownerRoles;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Scheduled(
            identity = "webhook-delivery",
            every = "${ats.webhooks.deliver-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("webhook-delivery", this::runOnce);
    }

    /** Fans out every new event and sends everything due, until nothing is left (bounded). */
    public void runOnce() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int dispatched = QuarkusTransaction.requiringNew().call(fanOut::dispatch);
            int sent = queue.runBatch(this).claimed();
            if (dispatched == 0 && sent == 0) {
                return;
            }
        }
    }

    @Override
    public Kind kind() {
        return new Kind(
                WebhookDeliveryRepository.QUEUE,
                config.lease(),
                config.attemptTakes(),
                RetrySchedule.thenGiveUp(config.retrySchedule()),
                config.parallelism(),
                config.parallelism());
    }

    @Override
    public List<UUID> candidates(Instant now, int limit) {
        return deliveries.dueInFairShares(now, limit);
    }

    @Override
    public Map<UUID, Outgoing> load(List<UUID> ids) {
        return deliveries.outgoing(ids);
    }

    /**
     * Sends one delivery, if its owner still holds a role that may read its type (asked of Keycloak now, not only
     * when subscribing); while Keycloak cannot tell, nothing is sent and no attempt is spent.
     */
    @Override
    public Outcome<Void> perform(Outgoing delivery) {
        try {
            if (!delivery.type().readableBy(ownerRoles.of(delivery.owner())::contains)) {
                return Outcome.refused(OWNER_MAY_NOT_READ);
            }
        } catch (OwnerRoles.Unavailable e) {
            if (e.forEveryone()) {
                Log.warnf("Webhook deliveries wait: %s", e.getMessage());
                return Outcome.failedForAll("ROLES_UNKNOWN");
            }
            return Outcome.failed("ROLES_UNKNOWN"); // about this owner only: retried on the schedule, others go on
        }
        WebhookSender.Outcome sent = sender.send(
                URI.create(delivery.target()),
                secrets.open(delivery.sealedSecret(), delivery.subscriptionId()),
                delivery.eventId(),
                delivery.body());
        return sent.delivered() ? Outcome.done(sent.code()) : Outcome.failed(sent.code());
    }

    @Override
    public boolean record(WorkQueue.Claim claim, Outcome<Void> outcome, Optional<Instant> retryAt) {
        WebhookDelivery delivery = deliveries.findById(claim.id());
        metrics.attempt(outcome.done());
        boolean givenUp = outcome.refused() || (!outcome.done() && retryAt.isEmpty());
        delivery.attempted(claim.claimedAt(), outcome.code(), outcome.done() ? clock.instant() : null, givenUp);
        if (givenUp && !outcome.refused()) {
            failing.disable(delivery.subscriptionId); // a refusal is not the receiver's fault: its target stays enabled
        }
        return true;
    }
}
