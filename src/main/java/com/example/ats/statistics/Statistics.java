package com.example.ats.statistics;

import com.example.ats.shared.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The statistics as they may be shown: read from the counts, small ones hidden, for a window of whole months. */
@Startup
@ApplicationScoped
public class Statistics {

    private final StatisticsRepository repository;
    private final SealedMonths sealed;
    private final StatisticsConfig config;
    private final Clock clock;

    Statistics(
            StatisticsRepository repository,
            SealedMonths sealed,
            StatisticsConfig config,
            Clock clock,
            MeterRegistry registry) {
        this.repository = repository;
        this.sealed = sealed;
        this.config = config;
        this.clock = clock;
        Gauge.builder("ats.statistics.applications.this.month", this, Statistics::applicationsThisMonth)
                .description("Applications made this month (Dutch time), every vacancy together; no value while"
                        + " the count is too small to show")
                .register(registry);
    }

    /** The window asked for: {@code from} and {@code to} as yyyy-MM, both included; the last twelve months by default. */
    public record Window(YearMonth from, YearMonth to) {}

    public Window window(String from, String to) {
        YearMonth last = to == null ? YearMonth.from(Periods.month(clock.instant())) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw ApiException.invalidField("from", "must not be after to");
        }
        if (first.plusMonths(config.maxMonths()).isBefore(last.plusMonths(1))) {
            throw ApiException.invalidField("from", "at most " + config.maxMonths() + " months in one answer");
        }
        return new Window(first, last);
    }

    public FunnelReport funnel(Window window, UUID vacancyId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> FunnelReport.of(
                        window.from(),
                        window.to(),
                        vacancyId,
                        repository.counts(
                                window.from().atDay(1),
                                window.to().plusMonths(1).atDay(1)),
                        repository.durations(
                                window.from().atDay(1),
                                window.to().plusMonths(1).atDay(1)),
                        sealed.of(window.from(), window.to()),
                        repository.vacancyTitles(),
                        config.smallestShown()));
    }

    public PrivacyRequestReport privacyRequests(Window window) {
        return QuarkusTransaction.requiringNew()
                .call(() -> PrivacyRequestReport.of(
                        window.from(),
                        window.to(),
                        repository.requestCounts(
                                window.from().atDay(1),
                                window.to().plusMonths(1).atDay(1)),
                        repository.requestDurations(
                                window.from().atDay(1),
                                window.to().plusMonths(1).atDay(1)),
                        config.smallestShown()));
    }

    private double applicationsThisMonth() {
        YearMonth now = YearMonth.from(Periods.month(clock.instant()));
        Count received = funnel(new Window(now, now), null)
                .months()
                .getFirst()
                .allVacancies()
                .get(Measure.RECEIVED);
        return received.value() == null ? Double.NaN : received.value();
    }

    private static YearMonth month(String name, String value) {
        try {
            if (value.length() == 7) {
                return YearMonth.parse(value);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.invalidField(name, "must be a month as yyyy-MM");
    }
}
