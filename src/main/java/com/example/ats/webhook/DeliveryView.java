package com.example.ats.webhook;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery")
public record DeliveryView(
        UUID id,

        @Schema(description = "The event's id: the `webhook-id` header of every attempt")
        UUID eventId,

        String eventType,
        WebhookDelivery.State state,
        @Schema(description = "Attempts made so far") int attempts,

        @Schema(description = "When the next attempt is due (PENDING only)")
        Instant nextAttemptAt,

        Instant lastAttemptAt,

        @Schema(
                description =
                        "What the last attempt got: `HTTP 503`, `NO_ANSWER` (refused, unreachable or silent), `UNSAFE_TARGET`,"
                                + " `OWNER_MAY_NOT_READ` (the owner no longer holds a role that may read the type)")
        String lastOutcome,

        Instant deliveredAt) {}
