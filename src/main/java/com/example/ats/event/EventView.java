package com.example.ats.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event as the feed lists it and a webhook delivers it (the Standard Webhooks payload: type, timestamp, data).
 * Ids and codes only: read the details through the API, which answers 404 once they are gone.
 */
@Schema(name = "Event")
public record EventView(
        @Schema(description = "Unique per event; the `webhook-id` of its deliveries, for de-duplication")
        UUID id,

        @Schema(description = "What happened", example = "application.purged")
        String type,

        @Schema(description = "When it happened") Instant timestamp,

        @Schema(
                description = "The subject's id (`applicationId`, `vacancyId`, `privacyRequestId` or"
                        + " `webhookId`) and codes: statuses, reasons, dates; never personal data",
                example = "{\"applicationId\":\"0b7f0c1e-4a53-4f0a-9c4e-3f1d2c0a9b11\",\"reason\":\"EXPIRED\"}")
        Map<String, Object> data) {}
