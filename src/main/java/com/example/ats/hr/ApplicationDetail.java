package com.example.ats.hr;

import com.example.ats.application.ApplicantView;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.application.StatusChangeView;
import com.example.ats.document.DocumentView;
import com.example.ats.retention.PurgeRules;
import com.example.ats.retention.RetentionConsentState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything staff may see of one application. */
@Schema(name = "ApplicationDetail")
public record ApplicationDetail(
        UUID id,
        UUID vacancyId,
        ApplicationStatus status,

        @Schema(description = "Where this application may move next")
        Set<ApplicationStatus> allowedTransitions,

        Instant appliedAt,
        Instant expiresAt,

        @Schema(description = "The retention rules that computed expiresAt")
        String policyVersion,

        ApplicantView applicant,
        List<StatusChangeView> statusHistory,
        List<DocumentView> documents,
        RetentionConsentState retentionConsent,

        @Schema(description = "Absent when there is no hold")
        LegalHold legalHold,

        @Schema(description = "Version; also the ETag") long version) {

    /** A legal hold in force. */
    @Schema(name = "ApplicationLegalHold")
    public record LegalHold(String reason, Instant until, Instant setAt, String setBy) {

        /** The hold when one is in force at {@code now}; a hold whose end has passed is no hold. */
        static LegalHold of(Application application, Instant now) {
            return !PurgeRules.holdInForce(application, now)
                    ? null
                    : new LegalHold(
                            application.legalHoldReason,
                            application.legalHoldUntil,
                            application.legalHoldSetAt,
                            application.legalHoldSetBy);
        }
    }
}
