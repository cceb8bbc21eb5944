package com.example.ats.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.retention.RetentionAmount;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainWordsTest {

    private static final Locale DUTCH = Locale.of("nl");
    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant EXPIRES = Instant.parse("2027-03-12T10:00:00Z");
    private static final RetentionAmount FOUR_WEEKS = RetentionAmount.parse("P28D");
    private static final RetentionAmount TWELVE_MONTHS = RetentionAmount.parse("P12M");

    private static String period(String iso, Locale locale) {
        return PlainWords.period(RetentionAmount.parse(iso), locale);
    }

    @Test
    void daysInWholeWeeksReadAsWeeks() {
        assertThat(period("P28D", ENGLISH)).isEqualTo("4 weeks");
        assertThat(period("P28D", DUTCH)).isEqualTo("4 weken");
        assertThat(period("P4W", ENGLISH)).isEqualTo("4 weeks");
        assertThat(period("P7D", ENGLISH)).isEqualTo("1 week");
        assertThat(period("P7D", DUTCH)).isEqualTo("1 week");
    }

    @Test
    void monthsStayMonths() {
        assertThat(period("P12M", ENGLISH)).isEqualTo("12 months");
        assertThat(period("P12M", DUTCH)).isEqualTo("12 maanden");
        assertThat(period("P1M", ENGLISH)).isEqualTo("1 month");
        assertThat(period("P1M", DUTCH)).isEqualTo("1 maand");
    }

    @Test
    void yearsAndMonthsAreJoinedNaturally() {
        assertThat(period("P1Y", ENGLISH)).isEqualTo("1 year");
        assertThat(period("P1Y", DUTCH)).isEqualTo("1 jaar");
        assertThat(period("P2Y", ENGLISH)).isEqualTo("2 years");
        assertThat(period("P2Y", DUTCH)).isEqualTo("2 jaar");
        assertThat(period("P1Y2M", ENGLISH)).isEqualTo("1 year and 2 months");
        assertThat(period("P1Y2M", DUTCH)).isEqualTo("1 jaar en 2 maanden");
        assertThat(period("P1Y2M3D", ENGLISH)).isEqualTo("1 year, 2 months and 3 days");
        assertThat(period("P1M14D", DUTCH)).isEqualTo("1 maand en 14 dagen");
    }

    @Test
    void daysThatAreNotWholeWeeksStayDays() {
        assertThat(period("P3D", ENGLISH)).isEqualTo("3 days");
        assertThat(period("P3D", DUTCH)).isEqualTo("3 dagen");
        assertThat(period("P1D", ENGLISH)).isEqualTo("1 day");
        assertThat(period("P1D", DUTCH)).isEqualTo("1 dag");
    }

    @Test
    void durationsBelowADayReadInHoursMinutesAndSeconds() {
        assertThat(period("PT20S", ENGLISH)).isEqualTo("20 seconds");
        assertThat(period("PT20S", DUTCH)).isEqualTo("20 seconden");
        assertThat(period("PT1H", ENGLISH)).isEqualTo("1 hour");
        assertThat(period("PT1H", DUTCH)).isEqualTo("1 uur");
        assertThat(period("PT2H", ENGLISH)).isEqualTo("2 hours");
        assertThat(period("PT2H", DUTCH)).isEqualTo("2 uur");
        assertThat(period("PT1M", ENGLISH)).isEqualTo("1 minute");
        assertThat(period("PT1M", DUTCH)).isEqualTo("1 minuut");
        assertThat(period("PT5M", ENGLISH)).isEqualTo("5 minutes");
        assertThat(period("PT5M", DUTCH)).isEqualTo("5 minuten");
        assertThat(period("PT1H30M", DUTCH)).isEqualTo("1 uur en 30 minuten");
    }

    @Test
    void datesReadAsDayMonthAndYear() {
        assertThat(PlainWords.date(EXPIRES, AMSTERDAM, ENGLISH)).isEqualTo("12 March 2027");
        assertThat(PlainWords.date(EXPIRES, AMSTERDAM, DUTCH)).isEqualTo("12 maart 2027");
        Instant firstOfJune = Instant.parse("2027-06-01T10:00:00Z");
        assertThat(PlainWords.date(firstOfJune, AMSTERDAM, ENGLISH)).isEqualTo("1 June 2027");
        assertThat(PlainWords.date(firstOfJune, AMSTERDAM, DUTCH)).isEqualTo("1 juni 2027");
    }

    @Test
    void datesAreTheCalendarDayInTheGivenZone() {
        Instant lateEveningUtc = Instant.parse("2027-03-11T23:30:00Z");
        assertThat(PlainWords.date(lateEveningUtc, ZoneOffset.UTC, ENGLISH)).isEqualTo("11 March 2027");
        assertThat(PlainWords.date(lateEveningUtc, AMSTERDAM, ENGLISH)).isEqualTo("12 March 2027");
        assertThat(PlainWords.date(lateEveningUtc, AMSTERDAM, DUTCH)).isEqualTo("12 maart 2027");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void whatHappensStatesPeriodsAndDatesInWordsNeverIsoCodes(String language) {
        Locale locale = Locale.of(language);
        for (Instant expiresAt : new Instant[] {EXPIRES, null}) {
            for (boolean granted : new boolean[] {true, false}) {
                String text = PlainWords.whatHappens(expiresAt, granted, FOUR_WEEKS, TWELVE_MONTHS, AMSTERDAM, locale);
                assertThat(text)
                        .doesNotContain("P28D", "P12M")
                        .doesNotContainPattern("P\\d")
                        .contains(language.equals("nl") ? "12 maanden" : "12 months");
                if (expiresAt != null) {
                    assertThat(text).contains(language.equals("nl") ? "12 maart 2027" : "12 March 2027");
                }
            }
        }
    }

    @Test
    void whatHappensWithoutADateNamesBothConfiguredPeriods() {
        RetentionAmount twoMonths = RetentionAmount.parse("P2M");
        RetentionAmount oneYear = RetentionAmount.parse("P1Y");
        assertThat(PlainWords.whatHappens(null, false, twoMonths, oneYear, AMSTERDAM, ENGLISH))
                .isEqualTo("Your application has no deletion date yet: we delete it 2 months after the selection"
                        + " procedure ends, or 1 year after your consent if you give it.");
        assertThat(PlainWords.whatHappens(null, false, twoMonths, oneYear, AMSTERDAM, DUTCH))
                .isEqualTo("Je sollicitatie heeft nog geen verwijderdatum: we verwijderen hem 2 maanden na afloop van"
                        + " de selectieprocedure, of 1 jaar na je toestemming als je die geeft.");
    }

    @Test
    void whatHappensNamesTheDeletionDayInTheApplicantsLanguage() {
        assertThat(PlainWords.whatHappens(EXPIRES, false, FOUR_WEEKS, TWELVE_MONTHS, AMSTERDAM, DUTCH))
                .startsWith("Op 12 maart 2027 verwijderen we je sollicitatie, de bestanden die je stuurde en alles"
                        + " wat we verder over je bewaren, zonder verdere aankondiging.")
                .contains("(12 maanden vanaf je toestemming)");
        assertThat(PlainWords.whatHappens(EXPIRES, true, FOUR_WEEKS, TWELVE_MONTHS, AMSTERDAM, ENGLISH))
                .startsWith("On 12 March 2027 we delete your application")
                .contains("(12 months from your consent)", "everything 4 weeks after your application date");
    }

    @Test
    void whatHappensFallsBackToEnglishForOtherLocales() {
        assertThat(PlainWords.whatHappens(EXPIRES, false, FOUR_WEEKS, TWELVE_MONTHS, AMSTERDAM, Locale.UK))
                .startsWith("On 12 March 2027");
    }

    @Test
    void whatHappensInDutchSaysWhetherTheConsentWasGiven() {
        assertThat(PlainWords.whatHappens(EXPIRES, true, FOUR_WEEKS, TWELVE_MONTHS, AMSTERDAM, DUTCH))
                .startsWith("Op 12 maart 2027 verwijderen we")
                .contains("Je hebt ons toestemming gegeven")
                .doesNotContain("Je kunt ons toestemming geven");
        assertThat(PlainWords.whatHappens(EXPIRES, false, FOUR_WEEKS, TWELVE_MONTHS, AMSTERDAM, DUTCH))
                .contains("Je kunt ons toestemming geven")
                .doesNotContain("Je hebt ons toestemming gegeven");
    }

    @Test
    void sizesInBytesKilobytesAndMegabytes() {
        assertThat(PlainWords.size(0, DUTCH)).isEqualTo("0 bytes");
        assertThat(PlainWords.size(999, ENGLISH)).isEqualTo("999 bytes");
        assertThat(PlainWords.size(1000, ENGLISH)).isEqualTo("1 kB");
        assertThat(PlainWords.size(1499, ENGLISH)).isEqualTo("1 kB");
        assertThat(PlainWords.size(12_500, ENGLISH)).isEqualTo("13 kB");
        assertThat(PlainWords.size(999_999, DUTCH)).isEqualTo("1000 kB");
        assertThat(PlainWords.size(1_000_000, DUTCH)).isEqualTo("1,0 MB");
        assertThat(PlainWords.size(2_400_000, DUTCH)).isEqualTo("2,4 MB");
        assertThat(PlainWords.size(2_400_000, ENGLISH)).isEqualTo("2.4 MB");
    }

    @Test
    void aMomentReadsAsDayAndLocalTime() {
        Instant morning = Instant.parse("2027-03-12T08:30:00Z");
        assertThat(PlainWords.dateTime(morning, AMSTERDAM, DUTCH)).isEqualTo("12 maart 2027 om 09:30");
        assertThat(PlainWords.dateTime(morning, AMSTERDAM, ENGLISH)).isEqualTo("12 March 2027 at 09:30");
    }

    @Test
    void aDurationOfDaysAndHoursReadsAsBoth() {
        assertThat(period("PT26H", ENGLISH)).isEqualTo("1 day and 2 hours");
        assertThat(period("PT26H", DUTCH)).isEqualTo("1 dag en 2 uur");
    }
}
