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
        String reason) {}
