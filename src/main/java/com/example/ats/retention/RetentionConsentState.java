package com.example.ats.retention;

import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an application's retention consent stands after the latest event, and what that means for its expiry. */
@Schema(name = "RetentionConsentState")
public record RetentionConsentState(
        UUID applicationId,

        @Schema(description = "Whether the applicant's consent to keep the file is in force")
        boolean granted,

        @Schema(description = "GRANTED, REFUSED or WITHDRAWN: the latest event")
        ConsentAction lastAction,

        @Schema(description = "When the latest event happened")
        Instant since,

        ConsentChannel channel,

        @Schema(description = "Which consent text the applicant agreed to, for a grant")
        String textVersion,

        @Schema(description = "When the application and its files will be deleted; absent while not yet due")
        Instant expiresAt,

        @Schema(description = "The retention rules that computed expiresAt")
        String policyVersion) {}
