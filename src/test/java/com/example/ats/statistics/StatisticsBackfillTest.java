package com.example.ats.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The migration's backfill counts what exists as the events count it as it happens: run again on a vacancy and a
 * month whose statistics were counted live, it writes the very same rows; and a second run adds nothing.
 */
@QuarkusTest
class StatisticsBackfillTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theBackfillWritesWhatLiveCountingWroteAndOnlyOnce() throws IOException {
        String vacancy = Applying.openVacancy("Backfilled");
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Applying.byApi(vacancy, i < 3, i == 5).id());
        }
        for (int i = 0; i < 5; i++) {
            ids.add(Applying.onPage(entityManager, vacancy, false).id());
        }
        for (UUID id : ids.subList(0, 6)) {
            Applying.move(id, "SCREENING");
        }
        Applying.move(ids.get(0), "INTERVIEW");
        Applying.move(ids.get(6), "REJECTED");
        Applying.move(ids.get(7), "WITHDRAWN");
        Applying.consent(ids.get(1), false);
        Applying.consent(ids.get(4), true);
        Applying.consent(ids.get(8), true);
        Applying.consent(ids.get(8), false); // changing one's mind twice more counts once each
        Applying.consent(ids.get(8), true);
        clock.travel(Duration.ofDays(9)); // a later answer lands in a later bucket
        Applying.move(ids.get(1), "INTERVIEW");

        YearMonth requests = YearMonth.from(Periods.month(clock.instant())).plusMonths(5);
        Instant received = requests.atDay(12).atTime(9, 0).atZone(Periods.ZONE).toInstant();
        clock.travelTo(received.plus(Duration.ofHours(2)));
        List<String> requestIds = new ArrayList<>();
        for (String type : List.of("ACCESS", "ACCESS", "OBJECTION", "ERASURE")) {
            requestIds.add(Applying.registerRequest(type, received));
        }
        Applying.closeRequest(requestIds.get(0), "FULFILLED");
        clock.travel(Duration.ofDays(45));
        Applying.closeRequest(requestIds.get(2), "REFUSED");

        UUID vacancyId = UUID.fromString(vacancy);
        LocalDate month = requests.atDay(1);
        Map<String, List<String>> live = rows(vacancyId, month);
        assertThat(live.get("application_statistic")).hasSizeGreaterThan(8);
        assertThat(live.get("application_duration_statistic")).isNotEmpty();
        assertThat(live.get("privacy_request_statistic")).isNotEmpty();
        assertThat(live.get("privacy_request_duration_statistic")).isNotEmpty();

        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("application_statistic", "application_duration_statistic")) {
                entityManager
                        .createNativeQuery("delete from " + table + " where vacancy_id = :vacancy")
                        .setParameter("vacancy", vacancyId)
                        .executeUpdate();
            }
            for (String table : List.of("privacy_request_statistic", "privacy_request_duration_statistic")) {
                entityManager
                        .createNativeQuery("delete from " + table + " where month = :month")
                        .setParameter("month", month)
                        .executeUpdate();
            }
            entityManager.createNativeQuery("delete from statistics_backfill").executeUpdate();
        });
        runBackfill();
        assertThat(rows(vacancyId, month)).isEqualTo(live);

        long everything = everyStatisticRow();
        runBackfill(); // the marker is there now: nothing more is counted
        assertThat(rows(vacancyId, month)).isEqualTo(live);
        assertThat(everyStatisticRow()).isEqualTo(everything);
    }

    /** The backfill part of the migration, run as Flyway runs it: every statement in one transaction. */
    private void runBackfill() throws IOException {
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V19__statistics_backfill.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String backfill = migration.substring(migration.indexOf("-- statistics backfill --"));
        List<String> statements = Arrays.stream(backfill.split(";\\s*\\n"))
                .map(String::strip)
                .map(s -> s.lines()
                        .filter(l -> !l.startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b)
                        .strip())
                .filter(s -> !s.isEmpty())
                .toList();
        assertThat(statements).hasSize(5);
        QuarkusTransaction.requiringNew()
                .run(() -> statements.forEach(
                        sql -> entityManager.createNativeQuery(sql).executeUpdate()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> rows(UUID vacancy, LocalDate month) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, List<String>> rows = new java.util.TreeMap<>();
            for (String table : List.of("application_statistic", "application_duration_statistic")) {
                rows.put(
                        table,
                        entityManager
                                .createNativeQuery(
                                        "select t::text from " + table + " t where vacancy_id = :vacancy order by 1")
                                .setParameter("vacancy", vacancy)
                                .getResultList());
            }
            for (String table : List.of("privacy_request_statistic", "privacy_request_duration_statistic")) {
                rows.put(
                        table,
                        entityManager
                                .createNativeQuery(
                                        "select t::text from " + table + " t where month = :month order by 1")
                                .setParameter("month", month)
                                .getResultList());
            }
            return rows;
        });
    }

    private long everyStatisticRow() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select (select count(*) from application_statistic)"
                                        + " + (select count(*) from application_duration_statistic)"
                                        + " + (select count(*) from privacy_request_statistic)"
                                        + " + (select count(*) from privacy_request_duration_statistic)"
                                        + " + (select coalesce(sum(count), 0) from application_statistic)")
                                .getSingleResult())
                        .longValue());
    }
}
