package com.example.ats.intake;

import com.example.ats.shared.FreeText;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The `application` part of an intake: who applies, to what, and their answer on keeping the file. There is no
 * field for a national identification number, and every free-text field refuses one ({@link FreeText}).
 */
@Schema(name = "ApplicationForm", description = "The JSON part `application` of an intake")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationForm(
        @Schema(description = "The vacancy applied to; absent for an open application")
        UUID vacancyId,

        @NotNull @Valid ApplicantDetails applicant,

        @NotNull @Valid RetentionConsentAnswer retentionConsent,

        @Valid @Schema(description = "Required when the applicant is younger than 16 on the application date")
        ParentalConsentAnswer parentalConsent) {

    /** The applicant's details; only e-mail is required. */
    @Schema(name = "ApplicantDetails")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApplicantDetails(
            @Size(max = 100) @FreeText @Schema(example = "Sanne")
            String firstName,

            @Size(max = 100) @FreeText @Schema(example = "de Vries")
            String lastName,

            @NotBlank @Size(max = 254) @Email @FreeText @Schema(example = "sanne@example.org")
            String email,

            @Size(max = 40)
            @FreeText
            @Pattern(regexp = "^\\+?[0-9 ()./-]{6,40}$", message = "must be a phone number")
            @Schema(example = "+31 6 1234 5678")
            String phone,

            @Valid Address address,

            @Schema(description = "Date of birth; decides whether parental consent is needed", example = "1995-04-17")
            LocalDate birthDate,

            @Size(max = 40) @FreeText @Schema(description = "Optional, see the privacy statement")
            String gender,

            @Size(max = 40) @FreeText @Schema(description = "Optional, see the privacy statement")
            String maritalStatus,

            @Size(max = 100) @FreeText @Schema(description = "Optional, comma-separated categories", example = "B,BE")
            String drivingLicenceCategories) {}

    /** A postal address. */
    @Schema(name = "Address")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Address(
            @Size(max = 200) @FreeText @Schema(example = "Oudegracht")
            String street,

            @Size(max = 20) @FreeText @Schema(example = "12a")
            String houseNumber,

            @Size(max = 20) @FreeText @Schema(example = "3511 AB")
            String postalCode,

            @Size(max = 100) @FreeText @Schema(example = "Utrecht")
            String city,

            @Size(max = 100) @FreeText @Schema(example = "NL")
            String country) {}

    /** The applicant's explicit yes or no on keeping the file for 12 months: there is no default. */
    @Schema(name = "RetentionConsentAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RetentionConsentAnswer(
            @NotNull(message = "must be answered: true or false") @Schema(required = true)
            Boolean granted,

            @Size(max = 64)
            @FreeText
            @Schema(description = "The consent text shown; required when granted", example = "2026-01")
            String textVersion) {}

    /** A parent's or guardian's consent, for applicants younger than 16. */
    @Schema(name = "ParentalConsentAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParentalConsentAnswer(
            @NotNull @AssertTrue(message = "must be true: the guardian consents")
            Boolean granted,

            @NotBlank @Size(max = 200) @FreeText String guardianName,
            @NotBlank @Size(max = 254) @Email @FreeText String guardianEmail) {}
}
