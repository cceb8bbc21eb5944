package com.example.ats.purge;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application that the purge will take, and why. */
@Schema(name = "DueApplication")
public record DueApplicationView(
        UUID applicationId,
        Instant expiresAt,

        @Schema(description = "Why it goes: NO_CONSENT, CONSENT_PERIOD_ENDED or CONSENT_WITHDRAWN")
        String reason,

        @Schema(description = "The store refused to delete its objects at an earlier attempt; retried with backoff")
        boolean blocked,

        @Schema(description = "When the purge tries again, for a blocked application; absent otherwise")
        Instant nextAttemptAt) {}
