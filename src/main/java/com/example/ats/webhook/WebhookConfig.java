package com.example.ats.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "ats.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher turns new events into deliveries and sends what is due (e.g. 1s; off). */
    String deliverEvery();

    /**
     * The waits between attempts of one delivery; after the last one fails the subscription is disabled. The default
     * is the Standard Webhooks schedule: about 27 hours in all.
     */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** Plain http:// targets; for development and tests only. */
    @WithDefault("false")
    boolean allowPlainHttp();

    /** Targets on loopback, private, link-local or cluster-internal addresses; for development and tests only. */
    @WithDefault("false")
    boolean allowPrivateTargets();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** From sending the request to the response's status line. */
    @WithDefault("PT5S")
    Duration responseTimeout();

    /** How long a claimed delivery is reserved for the replica that claimed it; after that another may send it. */
    @WithDefault("PT1M")
    Duration lease();

    /** The longest one attempt can take: the owner's roles asked of Keycloak, then connecting and the answer. */
    default Duration attemptTakes() {
        return ownerRolesTimeout().plus(connectTimeout()).plus(responseTimeout());
    }

    /** Deliveries claimed at a time by a replica, all sent at once. */
    @WithDefault("8")
    int parallelism();

    /** Subscriptions one client may have. */
    @WithDefault("25")
    int maxPerOwner();

    /**
     * How long the roles of a subscription's owner, as Keycloak tells them, are taken as current: a role taken away
     * stops that owner's deliveries at most this much later.
     */
    @WithDefault("PT1M")
    Duration ownerRolesFor();

    /** The longest one question to Keycloak about an owner's roles may take. */
    @WithDefault("PT5S")
    Duration ownerRolesTimeout();
}
