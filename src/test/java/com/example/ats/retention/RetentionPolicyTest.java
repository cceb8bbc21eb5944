package com.example.ats.retention;

import static com.example.ats.retention.ConsentFact.granted;
import static com.example.ats.retention.ConsentFact.refused;
import static com.example.ats.retention.ConsentFact.withdrawn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static Instant amsterdam(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    private static RetentionPolicy policy(ClockStart start, Instant now) {
        return new RetentionPolicy(
                RetentionAmount.parse("P28D"),
                RetentionAmount.parse("P12M"),
                AMSTERDAM,
                start,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static RetentionPolicy policy(Instant now) {
        return policy(ClockStart.APPLICATION_DATE, now);
    }

    @Test
    void withoutConsentDataGoes28DaysAfterTheApplicationDate() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        assertThat(policy(applied).expiresAt(applied, null, List.of())).contains(amsterdam("2026-06-01T09:30:00"));
    }

    @Test
    void aRefusalIsTheSameAsNoConsent() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        assertThat(policy(applied).expiresAt(applied, null, List.of(refused(applied))))
                .contains(amsterdam("2026-06-01T09:30:00"));
    }

    @Test
    void twentyEightDaysAcrossTheSpringDstChangeKeepTheLocalTime() {
        Instant applied = amsterdam("2026-03-20T10:00:00");
        Instant expires = policy(applied).expiresAt(applied, null, List.of()).orElseThrow();
        assertThat(expires).isEqualTo(amsterdam("2026-04-17T10:00:00"));
        // one hour less than 28 × 24 h, because the clocks went forward on 29 March
        assertThat(java.time.Duration.between(applied, expires).toHours()).isEqualTo(28 * 24 - 1);
    }

    @Test
    void withConsentDataIsKeptTwelveCalendarMonthsFromTheConsent() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant consent = amsterdam("2026-05-04T09:31:00");
        assertThat(policy(consent).expiresAt(applied, null, List.of(granted(consent))))
                .contains(amsterdam("2027-05-04T09:31:00"));
    }

    @Test
    void aRenewalGivenBeforeThePeriodEndsAddsAPeriodToItsEndNotToTheDayOfTheAnswer() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant end = amsterdam("2027-05-04T09:30:00");
        Instant answered = amsterdam("2027-04-10T20:00:00");
        RetentionPolicy policy = policy(answered);
        assertThat(policy.expiresAt(applied, null, List.of(granted(applied), ConsentFact.renewed(answered, end))))
                .contains(amsterdam("2028-05-04T09:30:00"));
        assertThat(policy.renewedUntil(end)).isEqualTo(amsterdam("2028-05-04T09:30:00"));
    }

    @Test
    void aRenewalWhoseEndLiesBeforeTheAnswerCountsFromTheAnswer() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant answered = amsterdam("2027-06-01T12:00:00");
        assertThat(policy(answered)
                        .expiresAt(
                                applied,
                                null,
                                List.of(ConsentFact.renewed(answered, amsterdam("2027-05-04T09:30:00")))))
                .contains(amsterdam("2028-06-01T12:00:00"));
    }

    @Test
    void aWithdrawalAfterARenewalStillEndsTheConsent() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant end = amsterdam("2027-05-04T09:30:00");
        Instant withdrawnAt = amsterdam("2027-06-01T12:00:00");
        assertThat(policy(withdrawnAt)
                        .expiresAt(
                                applied,
                                null,
                                List.of(
                                        granted(applied),
                                        ConsentFact.renewed(amsterdam("2027-04-10T20:00:00"), end),
                                        withdrawn(withdrawnAt))))
                .contains(withdrawnAt);
    }

    @Test
    void consentOnJanuary31stPlusOneMonthIsTheLastDayOfFebruary() {
        RetentionPolicy oneMonth = new RetentionPolicy(
                RetentionAmount.parse("P28D"),
                RetentionAmount.parse("P1M"),
                AMSTERDAM,
                ClockStart.APPLICATION_DATE,
                Clock.systemUTC());
        Instant consent = amsterdam("2027-01-31T12:00:00");
        assertThat(oneMonth.expiresAt(consent, null, List.of(granted(consent))))
                .contains(amsterdam("2027-02-28T12:00:00"));
    }

    /** A consent never shortens what the application would be kept anyway: the later of the two dates holds. */
    @Test
    void aConsentForLessThanTheNoConsentPeriodKeepsTheLaterDate() {
        RetentionPolicy shortConsent = new RetentionPolicy(
                RetentionAmount.parse("P28D"),
                RetentionAmount.parse("P7D"),
                AMSTERDAM,
                ClockStart.APPLICATION_DATE,
                Clock.systemUTC());
        Instant applied = amsterdam("2027-01-04T12:00:00");
        assertThat(shortConsent.expiresAt(applied, null, List.of(granted(applied))))
                .contains(amsterdam("2027-02-01T12:00:00"));
        assertThat(shortConsent.withoutConsent()).isEqualTo(RetentionAmount.parse("P28D"));
        assertThat(shortConsent.withConsent()).isEqualTo(RetentionAmount.parse("P7D"));
    }

    @Test
    void consentOnJanuary31stPlusTwelveMonthsIsJanuary31st() {
        Instant consent = amsterdam("2027-01-31T23:30:00");
        assertThat(policy(consent).expiresAt(consent, null, List.of(granted(consent))))
                .contains(amsterdam("2028-01-31T23:30:00"));
    }

    @Test
    void consentOnALeapDayEndsOnFebruary28th() {
        Instant consent = amsterdam("2028-02-29T08:00:00");
        assertThat(policy(consent).expiresAt(consent, null, List.of(granted(consent))))
                .contains(amsterdam("2029-02-28T08:00:00"));
    }

    @Test
    void consentAtALocalTimeThatTheDstGapSkipsMovesForwardByTheGap() {
        // 2027-03-28 02:30 does not exist in Amsterdam (clocks jump from 02:00 to 03:00)
        Instant consent = amsterdam("2026-03-28T02:30:00");
        assertThat(policy(consent).expiresAt(consent, null, List.of(granted(consent))))
                .contains(amsterdam("2027-03-28T03:30:00"));
    }

    @Test
    void consentGivenAgainLaterStartsANewTwelveMonths() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant first = amsterdam("2026-05-04T09:30:00");
        Instant again = amsterdam("2027-03-01T14:00:00");
        assertThat(policy(again).expiresAt(applied, null, List.of(granted(first), granted(again))))
                .contains(amsterdam("2028-03-01T14:00:00"));
    }

    @Test
    void withdrawalWithinTheFirst28DaysFallsBackToTheNoConsentDate() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant withdrawal = amsterdam("2026-05-10T12:00:00");
        assertThat(policy(withdrawal).expiresAt(applied, null, List.of(granted(applied), withdrawn(withdrawal))))
                .contains(amsterdam("2026-06-01T09:30:00"));
    }

    @Test
    void withdrawalAfterThe28DaysExpiresAtOnce() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant withdrawal = amsterdam("2026-09-01T12:00:00");
        assertThat(policy(withdrawal).expiresAt(applied, null, List.of(granted(applied), withdrawn(withdrawal))))
                .contains(withdrawal);
    }

    @Test
    void consentAfterAWithdrawalStartsANewTwelveMonths() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant withdrawal = amsterdam("2026-05-10T12:00:00");
        Instant regranted = amsterdam("2026-05-20T16:45:00");
        assertThat(policy(regranted)
                        .expiresAt(applied, null, List.of(granted(applied), withdrawn(withdrawal), granted(regranted))))
                .contains(amsterdam("2027-05-20T16:45:00"));
    }

    @Test
    void theHistoryOrderDoesNotMatterOnlyTheTimes() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant withdrawal = amsterdam("2026-05-10T12:00:00");
        assertThat(policy(withdrawal).expiresAt(applied, null, List.of(withdrawn(withdrawal), granted(applied))))
                .contains(amsterdam("2026-06-01T09:30:00"));
    }

    @Test
    void procedureEndReadingHasNoExpiryWhileTheApplicationIsOpen() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        assertThat(policy(ClockStart.PROCEDURE_END, applied).expiresAt(applied, null, List.of()))
                .isEmpty();
    }

    @Test
    void withdrawingWhileTheProcedureIsOpenUnderProcedureEndDeletesNothingEarly() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant withdrawal = amsterdam("2026-05-10T12:00:00");
        assertThat(policy(ClockStart.PROCEDURE_END, withdrawal)
                        .expiresAt(applied, null, List.of(granted(applied), withdrawn(withdrawal))))
                .isEmpty();
    }

    @Test
    void withdrawingAfterTheProcedureEndedUnderProcedureEndKeeps28DaysFromTheEnd() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant rejected = amsterdam("2026-07-01T16:00:00");
        Instant withdrawal = amsterdam("2026-07-10T12:00:00");
        assertThat(policy(ClockStart.PROCEDURE_END, withdrawal)
                        .expiresAt(applied, rejected, List.of(granted(applied), withdrawn(withdrawal))))
                .contains(amsterdam("2026-07-29T16:00:00"));
    }

    @Test
    void procedureEndReadingCounts28DaysFromTheEndOfTheProcedure() {
        Instant applied = amsterdam("2026-05-04T09:30:00");
        Instant rejected = amsterdam("2026-07-01T16:00:00");
        assertThat(policy(ClockStart.PROCEDURE_END, rejected).expiresAt(applied, rejected, List.of()))
                .contains(amsterdam("2026-07-29T16:00:00"));
    }

    @Test
    void shortAmountsInSecondsAreExactDurations() {
        RetentionPolicy quick = new RetentionPolicy(
                RetentionAmount.parse("PT20S"),
                RetentionAmount.parse("PT2M"),
                AMSTERDAM,
                ClockStart.APPLICATION_DATE,
                Clock.systemUTC());
        Instant applied = Instant.parse("2026-10-25T00:59:50Z");
        assertThat(quick.expiresAt(applied, null, List.of())).contains(Instant.parse("2026-10-25T01:00:10Z"));
        assertThat(quick.expiresAt(applied, null, List.of(granted(applied))))
                .contains(Instant.parse("2026-10-25T01:01:50Z"));
    }

    @Test
    void theVersionNamesEveryRule() {
        assertThat(policy(Instant.EPOCH).version())
                .isEqualTo("without=P28D;with=P12M;zone=Europe/Amsterdam;start=APPLICATION_DATE");
    }

    @Test
    void anAmountThatIsNotIso8601IsRefused() {
        assertThatThrownBy(() -> RetentionAmount.parse("28 days")).isInstanceOf(IllegalArgumentException.class);
    }
}
