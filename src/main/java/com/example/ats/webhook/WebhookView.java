package com.example.ats.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookSubscription")
public record WebhookView(
        UUID id,
        @Schema(format = "uri") URI targetUrl,
        List<String> eventTypes,

        @Schema(
                description = "DISABLED after a delivery failed past the retry schedule (about 27 hours); re-send a"
                        + " failed delivery to activate it again")
        WebhookSubscription.State state,

        Instant createdAt,
        Instant disabledAt,

        @Schema(
                description = "When events were removed for age (see the change feed) before they could be"
                        + " delivered here, e.g. while the subscription was disabled: read the current state"
                        + " through the API")
        Instant missedEventsAt,

        @Schema(
                description = "The signing secret (`whsec_...`): only in the answer to the subscription. Keep"
                        + " it; it is never shown again")
        String secret) {

    static WebhookView of(WebhookSubscription subscription) {
        return of(subscription, null);
    }

    static WebhookView of(WebhookSubscription subscription, String secret) {
        return new WebhookView(
                subscription.id,
                URI.create(subscription.targetUrl),
                Arrays.asList(subscription.eventTypes.split(",")),
                subscription.state,
                subscription.createdAt,
                subscription.disabledAt,
                subscription.missedEventsAt,
                secret);
    }
}
