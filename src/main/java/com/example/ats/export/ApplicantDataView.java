package com.example.ats.export;

import com.example.ats.application.ApplicantView;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.document.DocumentView;
import com.example.ats.retention.LatestConsent;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Everything the service holds about the applicant, for the applicant. */
@Schema(name = "SelfApplication")
public record ApplicantDataView(
        UUID id,
        UUID vacancyId,
        Instant appliedAt,
        ApplicationStatus status,
        ApplicantView applicant,
        List<DocumentView> documents,
        List<ConsentHistoryEntry> consentHistory,

        @Schema(description = "When everything is deleted; absent while the date is not fixed yet")
        Instant expiresAt,

        @Schema(description = "What happens on that date, in plain words")
        String whatHappens,

        @Schema(
                description = "A new e-mail address you gave that is not in use yet: it takes effect when you open the"
                        + " link we mailed to it; absent when there is none")
        String emailToConfirm) {

    /** Whether the consent to keep the file longer is in force: its deciding event ({@link LatestConsent}) is a grant. */
    @JsonIgnore
    public boolean retentionConsentGranted() {
        return LatestConsent.of(
                        consentHistory.stream()
                                .filter(entry -> "RETENTION".equals(entry.kind()))
                                .toList(),
                        ConsentHistoryEntry::at)
                .map(entry -> entry.action() == ConsentAction.GRANTED)
                .orElse(false);
    }

    /** One consent event as the applicant may see it. */
    @Schema(name = "ConsentHistoryEntry")
    public record ConsentHistoryEntry(
            @Schema(description = "RETENTION (keeping the file) or PARENTAL (a guardian's consent)")
            String kind,

            ConsentAction action,
            Instant at,
            ConsentChannel channel,

            @Schema(description = "The consent text agreed to, for a grant")
            String textVersion,

            @Schema(description = "The guardian who consented, for a PARENTAL entry")
            String guardianName,

            @Schema(description = "The guardian's e-mail address, for a PARENTAL entry")
            String guardianEmail) {}
}
