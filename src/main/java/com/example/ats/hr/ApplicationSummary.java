package com.example.ats.hr;

import com.example.ats.application.ApplicationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An application in a list: who and where it stands; no address, phone or birth date. */
@Schema(name = "ApplicationSummary")
public record ApplicationSummary(
        UUID id,

        @Schema(description = "Absent for an open application")
        UUID vacancyId,

        ApplicationStatus status,
        Instant appliedAt,

        @Schema(description = "When it will be deleted; absent while not yet due")
        Instant expiresAt,

        boolean legalHold,
        String firstName,
        String lastName,
        String email) {}
