package com.example.ats.statistics;

import com.example.ats.work.Jobs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals the months whose every application is gone (ADR 0029): what the funnel shows of such a month is kept, small
 * counts already hidden, and its counts are deleted. No count of fewer than k people then stays at rest, and the month
 * answers the same for ever, so that no later answer can be subtracted from an earlier one.
 */
@ApplicationScoped
public class SealedMonths {

    private final StatisticsRepository repository;
    private final StatisticsConfig config;
    private final ObjectMapper json;
    private final Jobs jobs;
    private final Clock clock;

    SealedMonths(StatisticsRepository repository, StatisticsConfig config, ObjectMapper json, Jobs jobs, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.json = json;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(
            identity = "statistics-sealing",
            every = "${ats.statistics.seal-every}",
            delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        jobs.run("statistics-sealing", this::seal);
    }

    /** Seals every month that is over and has no application left; returns how many. */
    public int seal() {
        QuarkusTransaction.requiringNew().run(repository::deleteCountsOfSealedMonths);
        int sealed = 0;
        for (LocalDate first :
                QuarkusTransaction.requiringNew().call(() -> repository.monthsToSeal(firstNotToSeal()))) {
            if (seal(YearMonth.from(first))) {
                sealed++;
            }
        }
        if (sealed > 0) {
            Log.infof("Statistics: %d month(s) whose applications are all gone sealed as shown", sealed);
        }
        return sealed;
    }

    /**
     * Seals the month if it is over and has no application left; whether it did. Counts that arrived for a month
     * sealed before are deleted either way.
     */
    boolean seal(YearMonth month) {
        LocalDate first = month.atDay(1);
        return QuarkusTransaction.requiringNew().call(() -> {
            repository.deleteCountsOfSealedMonths();
            if (!repository.monthsToSeal(firstNotToSeal()).contains(first)) {
                return false;
            }
            LocalDate until = month.plusMonths(1).atDay(1);
            FunnelReport.Month shown = FunnelReport.toSeal(
                    month, repository.counts(first, until), repository.durations(first, until), config.smallestShown());
            repository.seal(first, write(shown), clock.instant());
            return true;
        });
    }

    /**
     * The first month not to seal yet: the one a day ago was in, so that an intake that began at the end of a month
     * and is still being recorded is counted before its month is sealed.
     */
    private LocalDate firstNotToSeal() {
        return Periods.month(clock.instant().minus(Duration.ofDays(1)));
    }

    /** The sealed months of the window, as they were shown. */
    Map<YearMonth, FunnelReport.Month> of(YearMonth from, YearMonth to) {
        Map<YearMonth, FunnelReport.Month> months = new LinkedHashMap<>();
        repository
                .sealed(from.atDay(1), to.plusMonths(1).atDay(1))
                .forEach((first, shown) -> months.put(YearMonth.from(first), read(shown)));
        return months;
    }

    private String write(FunnelReport.Month month) {
        try {
            return json.writeValueAsString(month);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FunnelReport.Month read(String shown) {
        try {
            // read leniently: what a later version no longer knows is left out rather than failing the answer
            return json.readerFor(FunnelReport.Month.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(shown);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
