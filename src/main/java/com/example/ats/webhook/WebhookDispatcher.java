package com.example.ats.webhook;

import com.example.ats.webhook.WebhookDeliveryRepository.Outgoing;
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

    static final WorkTable DELIVERIES = new WorkTable(
            "webhook_delivery",
            "w.state = 'PENDING'",
            "w.next_attempt_at, w.event_seq",
            "leased_until",
            "attempts",
            "next_attempt_at");
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
    private final Counter delivered;
    private final Counter failedAttempts;

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
            MeterRegistry registry) {
        if (config.lease().compareTo(attemptTakes(config)) <= 0) {
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
        this.delivered = attempts(registry, "delivered");
        this.failedAttempts = attempts(registry, "failed");
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
                DELIVERIES,
                config.lease(),
                attemptTakes(config),
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
        delivery.lastAttemptAt = claim.claimedAt();
        delivery.lastOutcome = outcome.code();
        (outcome.done() ? delivered : failedAttempts).increment();
        if (outcome.done()) {
            delivery.state = WebhookDelivery.State.DELIVERED;
            delivery.deliveredAt = clock.instant();
        } else if (outcome.refused()) {
            delivery.state = WebhookDelivery.State.FAILED; // the receiver is not at fault: the target stays enabled
        } else if (retryAt.isEmpty()) {
            delivery.state = WebhookDelivery.State.FAILED;
            failing.disable(delivery.subscriptionId);
        }
        return true;
    }

    /** The longest one attempt can take: the owner's roles asked of Keycloak, then connecting and the answer. */
    private static java.time.Duration attemptTakes(WebhookConfig config) {
        return config.ownerRolesTimeout().plus(config.connectTimeout()).plus(config.responseTimeout());
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("ats.webhook.deliveries")
                .tag("outcome", outcome)
                .description("Webhook delivery attempts, by outcome")
                .register(registry);
    }
}
