package com.example.ats.statistics;

import com.example.ats.statistics.StatisticsRepository.CountRow;
import com.example.ats.statistics.StatisticsRepository.DurationRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The funnel per vacancy and month, worked out from the counts alone: per channel, per vacancy, over all vacancies, and
 * the duration buckets. Small counts are hidden by one rule over the whole of each month (every vacancy, whichever is
 * asked for), so that no answer, and no two answers together, show what another hides. Months are never added up: a
 * total over months could tell a hidden month by subtraction.
 */
@Schema(name = "FunnelStatistics")
public record FunnelReport(
        @Schema(example = "2026-01") String from,
        @Schema(example = "2026-12") String to,

        @Schema(description = "Counts below this are shown as \"<k\"", example = "5")
        int smallestShown,

        List<Month> months) {

    /** One month of applications (by the month they were made, in Dutch time). */
    @Schema(name = "FunnelMonth")
    public record Month(
            @Schema(example = "2026-03") String month,

            @Schema(
                    description = "Counts below this are shown as \"<k\" in this month: a month whose applications are"
                            + " all gone is kept as it was shown, with the threshold of that day",
                    example = "5")
            int smallestShown,

            @Schema(description = "Every vacancy together, per measure")
            Map<Measure, Count> allVacancies,

            List<Vacancy> vacancies) {}

    @Schema(name = "FunnelVacancy")
    public record Vacancy(
            @Schema(description = "Absent for open applications, made without a vacancy", nullable = true)
            UUID vacancyId,

            @Schema(description = "Its title, while the vacancy exists", nullable = true)
            String title,

            @Schema(description = "Per measure, every channel together")
            Map<Measure, Count> total,

            @Schema(description = "Per channel (apply-page, api, or client: and an HR tool's client id), per measure")
            Map<String, Map<Measure, Count>> byChannel,

            @Schema(description = "How long it took from the application, per milestone, in buckets of days")
            Map<Milestone, Durations> durations) {}

    @Schema(name = "FunnelDurations")
    public record Durations(
            @Schema(description = "Applications that reached the milestone")
            Count reached,

            List<Bucket> buckets) {}

    @Schema(name = "DurationBucket")
    public record Bucket(
            @Schema(description = "Up to this many days; 0 for longer than the last bucket", example = "7")
            int upToDays,

            Count count) {}

    /** A cell of the month's table: vacancy null for all vacancies, channel null for all channels. */
    private record Cell(UUID vacancy, String channel, String measure, Integer bucket) {}

    private static final String RESPONDED = "RESPONDED";
    private static final String KEPT = "KEPT";
    private static final String STOPPED = "STOPPED_BETWEEN_";
    private static final List<Measure> NESTED = List.of(
            Measure.RECEIVED,
            Measure.REACHED_SCREENING,
            Measure.REACHED_INTERVIEW,
            Measure.REACHED_OFFER,
            Measure.REACHED_HIRED);

    static FunnelReport of(
            YearMonth from,
            YearMonth to,
            UUID onlyVacancy,
            List<CountRow> counts,
            List<DurationRow> durations,
            Map<UUID, String> titles,
            int smallestShown) {
        return of(from, to, onlyVacancy, counts, durations, Map.of(), titles, smallestShown);
    }

    /** As above, where {@code sealed} months are answered as they were shown when they were sealed. */
    static FunnelReport of(
            YearMonth from,
            YearMonth to,
            UUID onlyVacancy,
            List<CountRow> counts,
            List<DurationRow> durations,
            Map<YearMonth, Month> sealed,
            Map<UUID, String> titles,
            int smallestShown) {
        List<Month> months = new ArrayList<>();
        for (YearMonth month = to; !month.isBefore(from); month = month.minusMonths(1)) {
            if (sealed.containsKey(month)) {
                months.add(asked(sealed.get(month), onlyVacancy, titles));
                continue;
            }
            LocalDate first = month.atDay(1);
            List<CountRow> monthCounts =
                    counts.stream().filter(c -> c.month().equals(first)).toList();
            List<DurationRow> monthDurations =
                    durations.stream().filter(d -> d.month().equals(first)).toList();
            months.add(month(month, onlyVacancy, monthCounts, monthDurations, titles, smallestShown));
        }
        return new FunnelReport(from.toString(), to.toString(), smallestShown, months);
    }

    /** A month as it is kept when sealed: every vacancy, no titles (they may change, and go with their vacancy). */
    static Month toSeal(YearMonth month, List<CountRow> counts, List<DurationRow> durations, int smallestShown) {
        Month shown = of(month, month, null, counts, durations, Map.of(), smallestShown)
                .months()
                .getFirst();
        return new Month(
                shown.month(),
                shown.smallestShown(),
                shown.allVacancies(),
                shown.vacancies().stream()
                        .map(v -> new Vacancy(v.vacancyId(), null, v.total(), v.byChannel(), v.durations()))
                        .toList());
    }

    private static Month asked(Month sealed, UUID onlyVacancy, Map<UUID, String> titles) {
        return new Month(
                sealed.month(),
                sealed.smallestShown(),
                sealed.allVacancies(),
                sealed.vacancies().stream()
                        .filter(v -> onlyVacancy == null
                                || onlyVacancy.equals(
                                        v.vacancyId() == null ? StatisticsRepository.NO_VACANCY : v.vacancyId()))
                        .map(v -> new Vacancy(
                                v.vacancyId(),
                                v.vacancyId() == null ? null : titles.get(v.vacancyId()),
                                v.total(),
                                v.byChannel(),
                                v.durations()))
                        .toList());
    }

    private static Month month(
            YearMonth month,
            UUID onlyVacancy,
            List<CountRow> counts,
            List<DurationRow> durations,
            Map<UUID, String> titles,
            int smallestShown) {
        // how many of a vacancy are still kept is no secret: staff list them by vacancy and day applied (not by
        // channel)
        // and by channel they are never shown: unknown to a reader, they complete a sum without being protected
        Table<Cell> table = new Table<>(
                smallestShown,
                cell -> KEPT.equals(cell.measure()) && cell.channel() == null,
                cell -> KEPT.equals(cell.measure()) && cell.channel() != null,
                cell -> cell.measure() != null && cell.measure().startsWith(STOPPED));
        Set<UUID> vacancies = new TreeSet<>();
        Map<UUID, Set<String>> channels = new LinkedHashMap<>();
        for (CountRow row : counts) {
            table.add(new Cell(row.vacancyId(), row.channel(), row.measure().name(), null), row.count());
            vacancies.add(row.vacancyId());
            channels.computeIfAbsent(row.vacancyId(), v -> new TreeSet<>()).add(row.channel());
        }
        for (DurationRow row : durations) {
            table.add(new Cell(row.vacancyId(), null, row.milestone().name(), row.upToDays()), row.count());
            vacancies.add(row.vacancyId());
        }
        for (Measure measure : Measure.values()) {
            for (UUID vacancy : vacancies) {
                table.sum(
                        channels.getOrDefault(vacancy, Set.of()).stream()
                                .map(channel -> new Cell(vacancy, channel, measure.name(), null))
                                .toList(),
                        new Cell(vacancy, null, measure.name(), null));
            }
            table.sumHidingTheWholeFirst(
                    vacancies.stream()
                            .map(v -> new Cell(v, null, measure.name(), null))
                            .toList(),
                    new Cell(null, null, measure.name(), null));
        }
        // consent given or refused with the application: the two add up to the applications received
        Stream.concat(
                        channels.entrySet().stream()
                                .flatMap(e -> e.getValue().stream().map(c -> new Cell(e.getKey(), c, null, null))),
                        Stream.concat(
                                vacancies.stream().map(v -> new Cell(v, null, null, null)),
                                Stream.of(new Cell(null, null, null, null))))
                .forEach(at -> {
                    table.group(
                            List.of(with(at, Measure.CONSENT_GIVEN), with(at, Measure.CONSENT_REFUSED)),
                            with(at, Measure.RECEIVED));
                    // erased, purged and still kept add up to those received; staff can count the ones still kept,
                    // so a hidden removal count must not be the difference of the others
                    Cell kept = new Cell(at.vacancy(), at.channel(), KEPT, null);
                    table.add(
                            kept,
                            Math.max(
                                    0,
                                    table.raw(with(at, Measure.RECEIVED))
                                            - table.raw(with(at, Measure.ERASED))
                                            - table.raw(with(at, Measure.PURGED))));
                    table.group(
                            List.of(with(at, Measure.ERASED), with(at, Measure.PURGED), kept),
                            with(at, Measure.RECEIVED));
                    // the stages are nested: how many stopped between two is never shown, and a small number of
                    // them may not be the difference of two shown stages ("offer 6, hired 5" tells of one person),
                    // nor may a hidden stage lie between two equal shown ones
                    for (int i = 0; i < NESTED.size(); i++) {
                        for (int j = i + 1; j < NESTED.size(); j++) {
                            Cell stage = with(at, NESTED.get(i));
                            Cell later = with(at, NESTED.get(j));
                            Cell stopped = new Cell(
                                    at.vacancy(), at.channel(), STOPPED + NESTED.get(i) + "_" + NESTED.get(j), null);
                            table.add(stopped, Math.max(0, table.raw(stage) - table.raw(later)));
                            table.group(List.of(later, stopped), stage);
                        }
                    }
                    table.chain(NESTED.stream().map(stage -> with(at, stage)).toList());
                });
        for (UUID vacancy : vacancies) {
            for (Milestone milestone : Milestone.values()) {
                List<Cell> buckets = buckets(vacancy, milestone);
                if (milestone == Milestone.FIRST_RESPONSE) {
                    table.sum(buckets, new Cell(vacancy, null, RESPONDED, null));
                } else {
                    table.group(
                            buckets, new Cell(vacancy, null, milestone.reached().name(), null));
                }
            }
        }

        List<Vacancy> shown = new ArrayList<>();
        for (UUID vacancy : vacancies) {
            if (onlyVacancy != null && !onlyVacancy.equals(vacancy)) {
                continue;
            }
            Map<String, Map<Measure, Count>> byChannel = new LinkedHashMap<>();
            for (String channel : channels.getOrDefault(vacancy, Set.of())) {
                byChannel.put(channel, measures(table, vacancy, channel));
            }
            Map<Milestone, Durations> took = new LinkedHashMap<>();
            for (Milestone milestone : Milestone.values()) {
                Cell reached = milestone == Milestone.FIRST_RESPONSE
                        ? new Cell(vacancy, null, RESPONDED, null)
                        : new Cell(vacancy, null, milestone.reached().name(), null);
                if (table.raw(reached) > 0) {
                    took.put(
                            milestone,
                            new Durations(
                                    table.shown(reached),
                                    buckets(vacancy, milestone).stream()
                                            .map(b -> new Bucket(b.bucket(), table.shown(b)))
                                            .toList()));
                }
            }
            shown.add(new Vacancy(
                    StatisticsRepository.NO_VACANCY.equals(vacancy) ? null : vacancy,
                    titles.get(vacancy),
                    measures(table, vacancy, null),
                    byChannel,
                    took));
        }
        return new Month(month.toString(), smallestShown, measures(table, null, null), shown);
    }

    private static Cell with(Cell at, Measure measure) {
        return new Cell(at.vacancy(), at.channel(), measure.name(), null);
    }

    private static List<Cell> buckets(UUID vacancy, Milestone milestone) {
        return Stream.concat(Periods.DAY_BOUNDS.stream(), Stream.of(Periods.LONGER))
                .map(days -> new Cell(vacancy, null, milestone.name(), days))
                .toList();
    }

    private static Map<Measure, Count> measures(Table<Cell> table, UUID vacancy, String channel) {
        Map<Measure, Count> shown = new LinkedHashMap<>();
        for (Measure measure : Measure.values()) {
            shown.put(measure, table.shown(new Cell(vacancy, channel, measure.name(), null)));
        }
        return shown;
    }

    static final List<String> CSV_HEADER =
            List.of("month", "vacancyId", "vacancyTitle", "channel", "measure", "upToDays", "count");

    /** Every shown count as a CSV row ({@link #CSV_HEADER}). */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Month month : months) {
            month.allVacancies()
                    .forEach((measure, count) ->
                            rows.add(row(month.month(), null, null, "", measure.name(), "", count)));
            for (Vacancy vacancy : month.vacancies()) {
                vacancy.total()
                        .forEach((measure, count) -> rows.add(row(
                                month.month(), vacancy.vacancyId(), vacancy.title(), "", measure.name(), "", count)));
                vacancy.byChannel()
                        .forEach((channel, measures) -> measures.forEach((measure, count) -> rows.add(row(
                                month.month(),
                                vacancy.vacancyId(),
                                vacancy.title(),
                                channel,
                                measure.name(),
                                "",
                                count))));
                vacancy.durations()
                        .forEach((milestone, took) -> took.buckets()
                                .forEach(bucket -> rows.add(row(
                                        month.month(),
                                        vacancy.vacancyId(),
                                        vacancy.title(),
                                        "",
                                        "DAYS_TO_" + milestone.name(),
                                        Integer.toString(bucket.upToDays()),
                                        bucket.count()))));
            }
        }
        return rows;
    }

    private static List<String> row(
            String month, UUID vacancy, String title, String channel, String measure, String bucket, Count count) {
        return List.of(
                month,
                vacancy == null ? "" : vacancy.toString(),
                Objects.requireNonNullElse(title, ""),
                channel,
                measure,
                bucket,
                count.shown());
    }
}
