package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;

/**
 * The rules an application must meet beyond the form's own constraints that need no database: a known consent text
 * for a grant, a plausible birth date, and a guardian's consent exactly when the applicant is younger than the age limit on
 * the application date (in the retention zone). Pure: tests give it a fixed {@link Clock}.
 */
public final class ApplicantRules {

    private static final int OLDEST_PLAUSIBLE_AGE = 120;

    private final Clock clock;
    private final ZoneId zone;
    private final int parentalConsentBelowAge;
    private final Set<String> consentTextVersions;

    /** @param consentTextVersions the consent texts the service knows: a grant names one of them */
    public ApplicantRules(Clock clock, ZoneId zone, int parentalConsentBelowAge, Set<String> consentTextVersions) {
        this.clock = clock;
        this.zone = zone;
        this.parentalConsentBelowAge = parentalConsentBelowAge;
        this.consentTextVersions = Set.copyOf(consentTextVersions);
    }

    /** Throws a 422 {@link ApiException} naming the first field that breaks a rule. */
    public void check(ApplicationForm form) {
        if (Boolean.TRUE.equals(form.retentionConsent().granted())
                && (form.retentionConsent().textVersion() == null
                        || form.retentionConsent().textVersion().isBlank())) {
            throw ApiException.invalidField(
                    "retentionConsent.textVersion", "is required when consent is granted: which text was shown");
        }
        if (Boolean.TRUE.equals(form.retentionConsent().granted())
                && !consentTextVersions.contains(form.retentionConsent().textVersion())) {
            throw ApiException.invalidField(
                    "retentionConsent.textVersion",
                    "is not a consent text this service knows: show and send the one of GET"
                            + " /api/v1/consent-texts/current");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        boolean minor = isMinorOn(today, form.applicant().birthDate(), "applicant.birthDate");
        if (minor && form.parentalConsent() == null) {
            throw ApiException.invalidField(
                    "parentalConsent",
                    "is required: the applicant is younger than " + parentalConsentBelowAge
                            + " on the application date");
        }
        if (!minor && form.parentalConsent() != null) {
            throw ApiException.invalidField(
                    "parentalConsent",
                    "is only taken for applicants younger than " + parentalConsentBelowAge
                            + " (with their birth date); leave it out");
        }
    }

    /**
     * A corrected birth date (rectification) meets the intake's rules: plausible, and when it makes the applicant
     * younger than the age limit on the application date, a guardian's consent must be on record.
     */
    public void checkCorrectedBirthDate(LocalDate birthDate, Instant appliedAt, boolean guardianConsentOnRecord) {
        if (birthDate == null) {
            return;
        }
        plausible(birthDate, "birthDate");
        if (isMinorOn(LocalDate.ofInstant(appliedAt, zone), birthDate, "birthDate") && !guardianConsentOnRecord) {
            throw ApiException.invalidField(
                    "birthDate",
                    "makes the applicant younger than " + parentalConsentBelowAge + " on the application date, and no"
                            + " guardian's consent is on record: apply again with a guardian's consent");
        }
    }

    private boolean isMinorOn(LocalDate day, LocalDate birthDate, String field) {
        if (birthDate == null) {
            return false;
        }
        plausible(birthDate, field);
        return Period.between(birthDate, day).getYears() < parentalConsentBelowAge;
    }

    private void plausible(LocalDate birthDate, String field) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (birthDate.isAfter(today)) {
            throw ApiException.invalidField(field, "must be in the past");
        }
        if (birthDate.isBefore(today.minusYears(OLDEST_PLAUSIBLE_AGE))) {
            throw ApiException.invalidField(field, "is not a plausible date of birth");
        }
    }
}
