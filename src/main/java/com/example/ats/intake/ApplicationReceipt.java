package com.example.ats.intake;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.document.Document;
import com.example.ats.document.ScanState;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an intake: what was stored, until when, and the applicant's self-service token (shown once). */
@Schema(name = "ApplicationReceipt")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationReceipt(
        UUID id,
        UUID vacancyId,
        ApplicationStatus status,
        Instant appliedAt,

        @Schema(description = "When the data will be deleted; absent while no date is due yet (procedure-end policy)")
        Instant expiresAt,

        @Schema(description = "Whether the applicant agreed to keeping the file for the longer period")
        boolean retentionConsentGranted,

        List<StoredDocument> documents,

        @Schema(
                description = "Secret for the applicant's self-service (header Applicant-Token). Shown only in this"
                        + " answer (and its idempotent replays); the service keeps only its hash.")
        String accessToken) {

    /** One stored file. */
    @Schema(name = "StoredDocument")
    public record StoredDocument(
            UUID id,

            @Schema(enumeration = {"CV", "MOTIVATION_LETTER"})
            String kind,

            @Schema(description = "The original name, sanitised")
            String fileName,

            @Schema(description = "Detected from the bytes", example = "application/pdf")
            String mediaType,

            @Schema(example = "48213") long size,

            @Schema(description = "SHA-256 of the bytes, hex")
            String sha256,

            @Schema(
                    description = "The malware scan: CLEAN, or PENDING when the scanner could not be asked in"
                            + " time (scanned later; staff cannot open the file until it is CLEAN)")
            ScanState scan) {}

    static ApplicationReceipt of(Application application, List<Document> stored, boolean granted, String token) {
        return new ApplicationReceipt(
                application.id,
                application.vacancyId,
                application.status,
                application.appliedAt,
                application.expiresAt,
                granted,
                stored.stream()
                        .map(d -> new StoredDocument(
                                d.id, d.kind.name(), d.fileName, d.mediaType, d.sizeBytes, d.sha256, d.scanState))
                        .toList(),
                token);
    }
}
