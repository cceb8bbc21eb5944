package com.example.ats.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event for one subscription, with its attempts so far. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Schema(name = "WebhookDeliveryState")
    public enum State {
        PENDING,
        DELIVERED,
        /** Every attempt of the schedule failed. */
        FAILED
    }

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "event_seq", nullable = false)
    public long eventSeq;

    /** The event's subject: deliveries with the same key go out one after the other, in event order. */
    @Column(name = "ordering_key", nullable = false)
    public UUID orderingKey;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    /** `HTTP 503`, `NO_ANSWER`, `UNSAFE_TARGET`, `OWNER_MAY_NOT_READ`...: never the response body. */
    @Column(name = "last_outcome")
    public String lastOutcome;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Records an attempt: delivered when {@code deliveredAt} is given, failed for good when given up. */
    void attempted(Instant at, String outcome, Instant deliveredAt, boolean givenUp) {
        this.lastAttemptAt = at;
        this.lastOutcome = outcome;
        if (deliveredAt != null) {
            this.state = State.DELIVERED;
            this.deliveredAt = deliveredAt;
        } else if (givenUp) {
            this.state = State.FAILED;
        }
    }
}
