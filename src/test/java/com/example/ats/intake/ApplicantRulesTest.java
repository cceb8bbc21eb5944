package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The intake's rules on consent text, birth date and a guardian's consent, with a fixed clock: no server. */
class ApplicantRulesTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    // 1 March 2026, 23:30 UTC: already 2 March in Amsterdam
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), ZoneOffset.UTC);
    private static final ApplicantRules RULES = new ApplicantRules(CLOCK, AMSTERDAM, 16, Set.of("2026-01"));

    private static ApplicationForm form(LocalDate birthDate, boolean guardian, Boolean granted, String textVersion) {
        return new ApplicationForm(
                null,
                new ApplicationForm.ApplicantDetails(
                        "Sanne", "de Vries", "sanne@example.org", null, null, birthDate, null, null, null),
                new ApplicationForm.RetentionConsentAnswer(granted, textVersion),
                guardian
                        ? new ApplicationForm.ParentalConsentAnswer(true, "Petra de Vries", "petra@example.org")
                        : null);
    }

    private static String fieldOf(Throwable e) {
        return ((ApiException) e).errors().getFirst().field();
    }

    @Test
    void acceptsAnAdultWithoutGuardianAndAnApplicantWithoutBirthDate() {
        assertThatCode(() -> RULES.check(form(LocalDate.of(1990, 5, 1), false, false, null)))
                .doesNotThrowAnyException();
        assertThatCode(() -> RULES.check(form(null, false, false, null))).doesNotThrowAnyException();
    }

    @Test
    void requiresTheConsentTextVersionForAGrant() {
        assertThatThrownBy(() -> RULES.check(form(null, false, true, " ")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("retentionConsent.textVersion"));
    }

    @Test
    void refusesAGrantOfAConsentTextTheServiceDoesNotKnow() {
        assertThatCode(() -> RULES.check(form(null, false, true, "2026-01"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> RULES.check(form(null, false, true, "career-site-2025-draft")))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("retentionConsent.textVersion"));
        // a refusal names no text to agree to: nothing to check
        assertThatCode(() -> RULES.check(form(null, false, false, "career-site-2025-draft")))
                .doesNotThrowAnyException();
    }

    @Test
    void countsTheAgeOnTheApplicationDateInTheConfiguredZone() {
        // sixteen on 2 March 2026 in Amsterdam (still 1 March in UTC): no guardian needed
        assertThatCode(() -> RULES.check(form(LocalDate.of(2010, 3, 2), false, false, null)))
                .doesNotThrowAnyException();
        // sixteen only tomorrow: a guardian's consent is required
        assertThatThrownBy(() -> RULES.check(form(LocalDate.of(2010, 3, 3), false, false, null)))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("parentalConsent"));
        assertThatCode(() -> RULES.check(form(LocalDate.of(2010, 3, 3), true, false, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAGuardianForAnAdultOrAnApplicantWithoutBirthDate() {
        assertThatThrownBy(() -> RULES.check(form(LocalDate.of(1990, 5, 1), true, false, null)))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("parentalConsent"));
        assertThatThrownBy(() -> RULES.check(form(null, true, false, null)))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("parentalConsent"));
    }

    @Test
    void refusesABirthDateInTheFutureOrMoreThan120YearsAgo() {
        assertThatThrownBy(() -> RULES.check(form(LocalDate.of(2026, 3, 3), false, false, null)))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("applicant.birthDate"));
        assertThatThrownBy(() -> RULES.check(form(LocalDate.of(1906, 3, 1), false, false, null)))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("applicant.birthDate"));
    }

    /** A corrected birth date meets the intake's rules against the application date, not today's. */
    @Test
    void aCorrectedBirthDateIsCheckedAsAtIntake() {
        Instant applied = Instant.parse("2026-03-01T10:00:00Z");
        RULES.checkCorrectedBirthDate(null, applied, false);
        RULES.checkCorrectedBirthDate(LocalDate.of(1990, 5, 1), applied, false);
        LocalDate fifteen = LocalDate.of(2011, 3, 2); // 15 on 1 March 2026, 16 a day later
        assertThatThrownBy(() -> RULES.checkCorrectedBirthDate(fifteen, applied, false))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("birthDate"))
                .satisfies(
                        e -> assertThat(((ApiException) e).errors().getFirst().message())
                                .contains("younger than 16"));
        RULES.checkCorrectedBirthDate(fifteen, applied, true);
        RULES.checkCorrectedBirthDate(LocalDate.of(2010, 3, 1), applied, false); // 16 that day
        assertThatThrownBy(() -> RULES.checkCorrectedBirthDate(LocalDate.of(1890, 1, 1), applied, true))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("birthDate"));
        assertThatThrownBy(() -> RULES.checkCorrectedBirthDate(LocalDate.of(2030, 1, 1), applied, true))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("birthDate"));
    }
}
