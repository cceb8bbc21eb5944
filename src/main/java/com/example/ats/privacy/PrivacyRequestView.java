package com.example.ats.privacy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A privacy request as the officer sees it. */
@Schema(name = "PrivacyRequest")
public record PrivacyRequestView(
        UUID id,
        PrivacyRequest.Type type,
        String email,
        String channel,
        Instant receivedAt,

        @Schema(description = "The answer is due by then (received + 4 weeks by default)")
        Instant dueAt,

        @Schema(description = "Open and past its due date") boolean overdue,
        PrivacyRequest.Status status,

        @Schema(description = "The requester's own words, e.g. why they object")
        String note,

        String outcome,
        PrivacyRequest.OutcomeCode outcomeCode,
        Instant closedAt,

        @Schema(
                description = "When the e-mail address and the free texts were removed (closed, applications gone);"
                        + " absent until then")
        Instant minimisedAt,

        String createdBy,

        @Schema(description = "Applications of the requester's e-mail address, found when registered")
        Set<UUID> applicationIds) {

    static PrivacyRequestView of(PrivacyRequest request, Instant now) {
        return new PrivacyRequestView(
                request.id,
                request.type,
                request.email,
                request.channel,
                request.receivedAt,
                request.dueAt,
                request.status == PrivacyRequest.Status.OPEN && request.dueAt.isBefore(now),
                request.status,
                request.note,
                request.outcome,
                request.outcomeCode,
                request.closedAt,
                request.minimisedAt,
                request.createdBy,
                Set.copyOf(request.applicationIds));
    }
}
