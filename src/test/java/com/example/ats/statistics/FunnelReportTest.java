package com.example.ats.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.statistics.StatisticsRepository.CountRow;
import com.example.ats.statistics.StatisticsRepository.DurationRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hiding as an answer shows it: small counts and every count they could be told from. */
class FunnelReportTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate FIRST = MARCH.atDay(1);
    private static final UUID BACKEND = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID DESIGNER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void threeApplicantsInOneCellAreShownAsFewerThanFiveAndNoTotalTellsHowMany() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "apply-page", 3);
        received(rows, BACKEND, "api", 12);
        received(rows, DESIGNER, "api", 20);

        FunnelReport report = FunnelReport.of(MARCH, MARCH, null, rows, List.of(), Map.of(), 5);
        FunnelReport.Month march = report.months().getFirst();
        FunnelReport.Vacancy backend = vacancy(march, BACKEND);

        assertThat(backend.byChannel().get("apply-page").get(Measure.RECEIVED).shown())
                .isEqualTo("<5");
        assertThat(backend.byChannel().get("apply-page").get(Measure.RECEIVED).value())
                .isNull();
        // the vacancy's total is shown (15): so the other channel is hidden too, or 15 - 12 would tell the 3
        assertThat(backend.total().get(Measure.RECEIVED).value()).isEqualTo(15L);
        assertThat(backend.byChannel().get("api").get(Measure.RECEIVED).shown()).isEqualTo("<5");
        // over all vacancies: 35, and the designer's 20 are shown; the backend's 15 too, as no cell of it is alone
        assertThat(march.allVacancies().get(Measure.RECEIVED).value()).isEqualTo(35L);
        assertThat(vacancy(march, DESIGNER).total().get(Measure.RECEIVED).value())
                .isEqualTo(20L);
        // consent given with the application for all: refusals 0 shown, given equals received
        assertThat(backend.total().get(Measure.CONSENT_REFUSED).value()).isZero();
        assertNoGroupHidesExactlyOne(backend);
    }

    @Test
    void aVacancyWithFewerThanFiveHidesTheTotalOverAllVacanciesRatherThanAnotherVacancy() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "api", 3);
        received(rows, DESIGNER, "api", 12);
        UUID third = UUID.fromString("00000000-0000-0000-0000-00000000000c");
        received(rows, third, "api", 30);

        FunnelReport.Month march = FunnelReport.of(MARCH, MARCH, null, rows, List.of(), Map.of(), 5)
                .months()
                .getFirst();
        assertThat(vacancy(march, BACKEND).total().get(Measure.RECEIVED).shown())
                .isEqualTo("<5");
        assertThat(march.allVacancies().get(Measure.RECEIVED).shown()).isEqualTo("<5");
        assertThat(vacancy(march, DESIGNER).total().get(Measure.RECEIVED).value())
                .isEqualTo(12L);
        assertThat(vacancy(march, third).total().get(Measure.RECEIVED).value()).isEqualTo(30L);
        // consent given by all: the hidden total of consents given goes with it, or it would tell the total received
        assertThat(march.allVacancies().get(Measure.CONSENT_GIVEN).shown()).isEqualTo("<5");
    }

    @Test
    void askingForOneVacancyHidesWhatTheWholeMonthHides() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "api", 3);
        received(rows, DESIGNER, "api", 12);
        FunnelReport.Month one = FunnelReport.of(MARCH, MARCH, DESIGNER, rows, List.of(), Map.of(), 5)
                .months()
                .getFirst();
        assertThat(one.vacancies()).extracting(FunnelReport.Vacancy::vacancyId).containsExactly(DESIGNER);
        assertThat(one.vacancies().getFirst().total().get(Measure.RECEIVED).value())
                .isEqualTo(12L);
        // the month's 15 would tell the backend's 3 from the designer's 12: hidden here as in every answer
        assertThat(one.allVacancies().get(Measure.RECEIVED).shown()).isEqualTo("<5");
    }

    @Test
    void erasedAndPurgedDoNotTellEachOtherOnceAllAreGone() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "api", 15);
        rows.removeIf(row -> row.measure() == Measure.PURGED);
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.ERASED, 2));
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.PURGED, 13));
        FunnelReport.Vacancy backend = vacancy(
                FunnelReport.of(MARCH, MARCH, null, rows, List.of(), Map.of(), 5)
                        .months()
                        .getFirst(),
                BACKEND);
        assertThat(backend.total().get(Measure.ERASED).shown()).isEqualTo("<5");
        assertThat(backend.total().get(Measure.PURGED).shown()).isEqualTo("<5");
        assertThat(backend.total().get(Measure.RECEIVED).value()).isEqualTo(15L);
    }

    @Test
    void whileTheApplicationsAreKeptAVacancysCountIsNoSecretAndHidesNothingElse() {
        List<CountRow> rows = new ArrayList<>();
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.RECEIVED, 3));
        rows.add(new CountRow(DESIGNER, FIRST, "api", Measure.RECEIVED, 12));
        FunnelReport.Month march = FunnelReport.of(MARCH, MARCH, null, rows, List.of(), Map.of(), 5)
                .months()
                .getFirst();
        assertThat(vacancy(march, BACKEND).total().get(Measure.RECEIVED).shown())
                .isEqualTo("<5"); // never printed
        assertThat(march.allVacancies().get(Measure.RECEIVED).value()).isEqualTo(15L);
        assertThat(vacancy(march, DESIGNER).total().get(Measure.RECEIVED).value())
                .isEqualTo(12L);
    }

    @Test
    void noTwoShownStagesDifferByFewerThanFive() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "api", 40);
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_SCREENING, 20));
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_INTERVIEW, 10));
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_OFFER, 6));
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_HIRED, 5));
        List<DurationRow> took = List.of(
                new DurationRow(BACKEND, FIRST, Milestone.FIRST_RESPONSE, 7, 40),
                new DurationRow(BACKEND, FIRST, Milestone.SCREENING, 7, 20),
                new DurationRow(BACKEND, FIRST, Milestone.INTERVIEW, 14, 10),
                new DurationRow(BACKEND, FIRST, Milestone.OFFER, 28, 6),
                new DurationRow(BACKEND, FIRST, Milestone.HIRED, 56, 5));
        FunnelReport.Month march = FunnelReport.of(MARCH, MARCH, null, rows, took, Map.of(), 5)
                .months()
                .getFirst();
        for (Map<Measure, Count> shown : List.of(
                vacancy(march, BACKEND).total(),
                vacancy(march, BACKEND).byChannel().get("api"),
                march.allVacancies())) {
            assertStagesTellNoSmallDifference(shown);
            assertThat(shown.get(Measure.REACHED_INTERVIEW).value()).isEqualTo(10L);
        }
    }

    @Test
    void aStageHiddenForItsNeighbourDoesNotLetTheNextOnesTellTheDifference() {
        // one stopped after screening: the interview is hidden; then screening 6 and offer 5 would tell the one
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "api", 20);
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_SCREENING, 6));
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_INTERVIEW, 5));
        rows.add(new CountRow(BACKEND, FIRST, "api", Measure.REACHED_OFFER, 5));
        List<DurationRow> took = List.of(
                new DurationRow(BACKEND, FIRST, Milestone.FIRST_RESPONSE, 7, 20),
                new DurationRow(BACKEND, FIRST, Milestone.SCREENING, 7, 6),
                new DurationRow(BACKEND, FIRST, Milestone.INTERVIEW, 14, 5),
                new DurationRow(BACKEND, FIRST, Milestone.OFFER, 28, 5));
        FunnelReport.Month march = FunnelReport.of(MARCH, MARCH, null, rows, took, Map.of(), 5)
                .months()
                .getFirst();
        for (Map<Measure, Count> shown : List.of(
                vacancy(march, BACKEND).total(),
                vacancy(march, BACKEND).byChannel().get("api"),
                march.allVacancies())) {
            assertStagesTellNoSmallDifference(shown);
        }
        assertThat(vacancy(march, BACKEND).total().get(Measure.RECEIVED).value())
                .isEqualTo(20L);
    }

    private static final List<Measure> STAGES = List.of(
            Measure.RECEIVED,
            Measure.REACHED_SCREENING,
            Measure.REACHED_INTERVIEW,
            Measure.REACHED_OFFER,
            Measure.REACHED_HIRED);

    /**
     * No two shown stages differ by 1 to 4, and no hidden stage lies between two equal shown ones (it would be their
     * number).
     */
    private static void assertStagesTellNoSmallDifference(Map<Measure, Count> shown) {
        for (int i = 0; i < STAGES.size(); i++) {
            for (int j = i + 1; j < STAGES.size(); j++) {
                Long stage = shown.get(STAGES.get(i)).value();
                Long later = shown.get(STAGES.get(j)).value();
                if (stage != null && later != null) {
                    assertThat(stage - later)
                            .as("%s - %s in %s", STAGES.get(i), STAGES.get(j), shown)
                            .satisfiesAnyOf(
                                    d -> assertThat(d).isZero(),
                                    d -> assertThat(d).isGreaterThanOrEqualTo(5));
                    boolean hiddenBetween = STAGES.subList(i + 1, j).stream()
                            .anyMatch(m -> shown.get(m).value() == null);
                    assertThat(hiddenBetween && stage.equals(later))
                            .as("a hidden stage between %s and %s, both %d", STAGES.get(i), STAGES.get(j), stage)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void theCsvShowsWhatTheJsonShowsAndNeverAHiddenNumber() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "apply-page", 3);
        received(rows, BACKEND, "api", 12);
        FunnelReport report = FunnelReport.of(MARCH, MARCH, null, rows, List.of(), Map.of(BACKEND, "=cmd|x"), 5);
        String csv = CsvAnswer.of(FunnelReport.CSV_HEADER, report.rows());
        assertThat(csv).contains("2026-03,," + ",,RECEIVED,,15");
        assertThat(csv).contains("apply-page,RECEIVED,,<5").contains("api,RECEIVED,,<5");
        assertThat(csv).doesNotContain(",3\r\n").doesNotContain(",12\r\n");
        assertThat(csv).contains("'=cmd|x").doesNotContain(",=cmd");
    }

    @Test
    void theChartDrawsHiddenCountsAsARangeAndEscapesTheTitle() {
        List<CountRow> rows = new ArrayList<>();
        received(rows, BACKEND, "apply-page", 3);
        String svg = FunnelChart.svg(
                FunnelReport.of(MARCH, MARCH, BACKEND, rows, List.of(), Map.of(BACKEND, "<script>x</script>"), 5),
                BACKEND);
        assertThat(svg).startsWith("<svg").contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(svg).contains("url(#hidden)").contains("&lt;5");
    }

    /**
     * Applications received with consent, all purged since: while they are kept, staff can count a vacancy's
     * applications in the list, and hiding its count would protect nothing.
     */
    private static void received(List<CountRow> rows, UUID vacancy, String channel, long count) {
        rows.add(new CountRow(vacancy, FIRST, channel, Measure.RECEIVED, count));
        rows.add(new CountRow(vacancy, FIRST, channel, Measure.CONSENT_GIVEN, count));
        rows.add(new CountRow(vacancy, FIRST, channel, Measure.PURGED, count));
    }

    private static FunnelReport.Vacancy vacancy(FunnelReport.Month month, UUID id) {
        return month.vacancies().stream()
                .filter(v -> v.vacancyId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** Per measure, the channels and the vacancy's total: never exactly one of them hidden. */
    static void assertNoGroupHidesExactlyOne(FunnelReport.Vacancy vacancy) {
        for (Measure measure : Measure.values()) {
            long hidden = vacancy.byChannel().values().stream()
                            .filter(m -> m.get(measure).value() == null)
                            .count()
                    + (vacancy.total().get(measure).value() == null ? 1 : 0);
            assertThat(hidden).as("%s", measure).isNotEqualTo(1);
        }
    }
}
