package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * The rules an application must meet beyond the form's own constraints that need no database: a consent text for a
 * grant, a plausible birth date, and a guardian's consent exactly when the applicant is younger than the age limit on
 * the application date (in the retention zone). Pure: tests give it a fixed {@link Clock}.
 */
public final class ApplicantRules {

    private static final int OLDEST_PLAUSIBLE_AGE = 120;

    private final Clock clock;
    private final ZoneId zone;
    private final int parentalConsentBelowAge;

    public ApplicantRules(Clock clock, ZoneId zone, int parentalConsentBelowAge) {
        this.clock = clock;
        this.zone = zone;
        this.parentalConsentBelowAge = parentalConsentBelowAge;
    }

    /** Throws a 422 {@link ApiException} naming the first field that breaks a rule. */
    public void check(ApplicationForm form) {
        if (Boolean.TRUE.equals(form.retentionConsent().granted())
                && (form.retentionConsent().textVersion() == null
                        || form.retentionConsent().textVersion().isBlank())) {
            throw ApiException.invalidField(
                    "retentionConsent.textVersion", "is required when consent is granted: which text was shown");
        }
        boolean minor = isMinor(form.applicant().birthDate());
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

    private boolean isMinor(LocalDate birthDate) {
        if (birthDate == null) {
            return false;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (birthDate.isAfter(today)) {
            throw ApiException.invalidField("applicant.birthDate", "must be in the past");
        }
        if (birthDate.isBefore(today.minusYears(OLDEST_PLAUSIBLE_AGE))) {
            throw ApiException.invalidField("applicant.birthDate", "is not a plausible date of birth");
        }
        return Period.between(birthDate, today).getYears() < parentalConsentBelowAge;
    }
}
