package com.example.ats.statistics;

import com.example.ats.statistics.StatisticsRepository.RequestCountRow;
import com.example.ats.statistics.StatisticsRepository.RequestDurationRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Privacy requests per month received and type: registered, closed on time or late, the outcomes and how long the
 * answers took; counts that outlive the minimised register. Small counts are hidden as in the funnel ({@link Table}).
 */
@Schema(name = "PrivacyRequestStatistics")
public record PrivacyRequestReport(
        @Schema(example = "2026-01") String from,
        @Schema(example = "2026-12") String to,

        @Schema(description = "Counts below this are shown as \"<k\"", example = "5")
        int smallestShown,

        List<Month> months) {

    @Schema(name = "PrivacyRequestMonth")
    public record Month(
            @Schema(example = "2026-03") String month,
            @Schema(description = "Every type together") Figures allTypes,

            @Schema(description = "Per request type (ACCESS, ERASURE, OBJECTION, ...)")
            Map<String, Figures> byType) {}

    @Schema(name = "PrivacyRequestFigures")
    public record Figures(
            Count registered,

            @Schema(description = "Closed, on time and late together")
            Count closed,

            Count closedOnTime,
            Count closedLate,
            @Schema(description = "Per outcome code") Map<String, Count> outcomes,

            @Schema(description = "Days from receipt to the answer, in buckets")
            List<FunnelReport.Bucket> answeredIn) {}

    private record Cell(String type, String measure, Integer bucket) {}

    private static final String CLOSED = "CLOSED";
    private static final String ANSWERED = "ANSWERED";
    private static final List<RequestMeasure> OUTCOMES = Stream.of(RequestMeasure.values())
            .filter(m -> m.name().startsWith("OUTCOME_"))
            .toList();

    static PrivacyRequestReport of(
            YearMonth from,
            YearMonth to,
            List<RequestCountRow> counts,
            List<RequestDurationRow> durations,
            int smallestShown) {
        List<Month> months = new ArrayList<>();
        for (YearMonth month = to; !month.isBefore(from); month = month.minusMonths(1)) {
            LocalDate first = month.atDay(1);
            months.add(month(
                    month,
                    counts.stream().filter(c -> c.month().equals(first)).toList(),
                    durations.stream().filter(d -> d.month().equals(first)).toList(),
                    smallestShown));
        }
        return new PrivacyRequestReport(from.toString(), to.toString(), smallestShown, months);
    }

    private static Month month(
            YearMonth month, List<RequestCountRow> counts, List<RequestDurationRow> durations, int smallestShown) {
        Table<Cell> table = new Table<>(smallestShown);
        Set<String> types = new TreeSet<>();
        counts.forEach(row -> {
            table.add(new Cell(row.requestType(), row.measure().name(), null), row.count());
            types.add(row.requestType());
        });
        durations.forEach(row -> {
            table.add(new Cell(row.requestType(), ANSWERED, row.upToDays()), row.count());
            types.add(row.requestType());
        });
        List<String> typesAndAll = new ArrayList<>(types);
        for (String type : types) {
            table.sum(
                    List.of(
                            new Cell(type, RequestMeasure.CLOSED_ON_TIME.name(), null),
                            new Cell(type, RequestMeasure.CLOSED_LATE.name(), null)),
                    new Cell(type, CLOSED, null));
        }
        List<String> measures = new ArrayList<>();
        Stream.of(RequestMeasure.values()).forEach(m -> measures.add(m.name()));
        measures.add(CLOSED);
        for (String measure : measures) {
            table.sumHidingTheWholeFirst(
                    types.stream().map(t -> new Cell(t, measure, null)).toList(), new Cell(null, measure, null));
        }
        for (Integer bucket : buckets()) {
            table.sumHidingTheWholeFirst(
                    types.stream().map(t -> new Cell(t, ANSWERED, bucket)).toList(), new Cell(null, ANSWERED, bucket));
        }
        typesAndAll.add(null);
        table.group(
                List.of(
                        new Cell(null, RequestMeasure.CLOSED_ON_TIME.name(), null),
                        new Cell(null, RequestMeasure.CLOSED_LATE.name(), null)),
                new Cell(null, CLOSED, null));
        for (String type : typesAndAll) {
            Cell closed = new Cell(type, CLOSED, null);
            table.group(
                    OUTCOMES.stream().map(o -> new Cell(type, o.name(), null)).toList(), closed);
            table.group(buckets().stream().map(b -> new Cell(type, ANSWERED, b)).toList(), closed);
        }
        Map<String, Figures> byType = new LinkedHashMap<>();
        for (String type : types) {
            byType.put(type, figures(table, type));
        }
        return new Month(month.toString(), figures(table, null), byType);
    }

    private static List<Integer> buckets() {
        return Stream.concat(Periods.DAY_BOUNDS.stream(), Stream.of(Periods.LONGER))
                .toList();
    }

    private static Figures figures(Table<Cell> table, String type) {
        Map<String, Count> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(o ->
                outcomes.put(o.name().substring("OUTCOME_".length()), table.shown(new Cell(type, o.name(), null))));
        return new Figures(
                table.shown(new Cell(type, RequestMeasure.REGISTERED.name(), null)),
                table.shown(new Cell(type, CLOSED, null)),
                table.shown(new Cell(type, RequestMeasure.CLOSED_ON_TIME.name(), null)),
                table.shown(new Cell(type, RequestMeasure.CLOSED_LATE.name(), null)),
                outcomes,
                buckets().stream()
                        .map(b -> new FunnelReport.Bucket(b, table.shown(new Cell(type, ANSWERED, b))))
                        .toList());
    }

    static final List<String> CSV_HEADER = List.of("month", "requestType", "measure", "upToDays", "count");

    /** Every shown count as a CSV row ({@link #CSV_HEADER}). */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Month month : months) {
            rows(rows, month.month(), "", month.allTypes());
            month.byType().forEach((type, figures) -> rows(rows, month.month(), type, figures));
        }
        return rows;
    }

    private static void rows(List<List<String>> rows, String month, String type, Figures figures) {
        rows.add(List.of(month, type, "REGISTERED", "", figures.registered().shown()));
        rows.add(List.of(month, type, "CLOSED", "", figures.closed().shown()));
        rows.add(List.of(
                month, type, "CLOSED_ON_TIME", "", figures.closedOnTime().shown()));
        rows.add(List.of(month, type, "CLOSED_LATE", "", figures.closedLate().shown()));
        figures.outcomes()
                .forEach((code, count) -> rows.add(List.of(month, type, "OUTCOME_" + code, "", count.shown())));
        figures.answeredIn()
                .forEach(b -> rows.add(List.of(
                        month,
                        type,
                        "ANSWERED_IN_DAYS",
                        Integer.toString(b.upToDays()),
                        b.count().shown())));
    }
}
