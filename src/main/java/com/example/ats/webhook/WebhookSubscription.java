package com.example.ats.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an HR tool wants events of some types sent, signed with a secret that only it and we know. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Schema(name = "WebhookState")
    public enum State {
        ACTIVE,
        /** Deliveries failed past the retry schedule; new deliveries wait until one is re-sent. */
        DISABLED
    }

    @Id
    public UUID id;

    @Column(name = "target_url", nullable = false)
    public String targetUrl;

    /** Wire names, comma-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    /** The signing secret, encrypted (WebhookSecrets). */
    @Column(name = "secret_sealed", nullable = false)
    public byte[] secretSealed;

    /** The client (or user) that subscribed: only it and HR admins see the subscription. */
    @Column(nullable = false)
    public String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** The last event seq dispatched before this subscription existed: it gets the events after. */
    @Column(name = "starts_after", nullable = false)
    public long startsAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    /** Set when events were removed for age before they could be delivered here: the subscriber must resync. */
    @Column(name = "missed_events_at")
    public Instant missedEventsAt;

    @Version
    public long version;
}
