package com.example.ats.hr;

import com.example.ats.application.Applicant;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.application.StatusChange;
import com.example.ats.consent.RetentionConsentState;
import com.example.ats.document.Document;
import com.example.ats.document.DocumentKind;
import java.time.Instant;
import java.time.LocalDate;
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

    /** The applicant's personal details, as given at intake. */
    @Schema(name = "ApplicantDetails")
    public record ApplicantView(
            String firstName,
            String lastName,
            String email,
            String phone,
            Address address,
            LocalDate birthDate,
            String gender,
            String maritalStatus,
            String drivingLicenceCategories) {

        public static ApplicantView of(Applicant applicant) {
            Address address = applicant.street == null
                            && applicant.houseNumber == null
                            && applicant.postalCode == null
                            && applicant.city == null
                            && applicant.country == null
                    ? null
                    : new Address(
                            applicant.street,
                            applicant.houseNumber,
                            applicant.postalCode,
                            applicant.city,
                            applicant.country);
            return new ApplicantView(
                    applicant.firstName,
                    applicant.lastName,
                    applicant.email,
                    applicant.phone,
                    address,
                    applicant.birthDate,
                    applicant.gender,
                    applicant.maritalStatus,
                    applicant.drivingLicenceCategories);
        }
    }

    /** A postal address. */
    @Schema(name = "ApplicantAddress")
    public record Address(String street, String houseNumber, String postalCode, String city, String country) {}

    /** One step through the pipeline. */
    @Schema(name = "StatusChange")
    public record StatusChangeView(
            ApplicationStatus from, ApplicationStatus to, Instant changedAt, String changedBy, String changedByRole) {

        static StatusChangeView of(StatusChange change) {
            return new StatusChangeView(
                    change.fromStatus, change.toStatus, change.changedAt, change.changedBy, change.changedByRole);
        }
    }

    /** A stored file's metadata. */
    @Schema(name = "ApplicationDocument")
    public record DocumentView(
            UUID id, DocumentKind kind, String fileName, String mediaType, long size, String sha256, Instant storedAt) {

        public static DocumentView of(Document document) {
            return new DocumentView(
                    document.id,
                    document.kind,
                    document.fileName,
                    document.mediaType,
                    document.sizeBytes,
                    document.sha256,
                    document.createdAt);
        }
    }

    /** A legal hold in force. */
    @Schema(name = "ApplicationLegalHold")
    public record LegalHold(String reason, Instant until, Instant setAt, String setBy) {

        static LegalHold of(Application application) {
            return application.legalHoldReason == null
                    ? null
                    : new LegalHold(
                            application.legalHoldReason,
                            application.legalHoldUntil,
                            application.legalHoldSetAt,
                            application.legalHoldSetBy);
        }
    }
}
