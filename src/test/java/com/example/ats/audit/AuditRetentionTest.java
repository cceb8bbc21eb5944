package com.example.ats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.partition.MonthlyPartitionRepository;
import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The audit trail keeps an event 24 months (in the retention zone, Europe/Amsterdam), then drops it: months that
 * ended before the cutoff as whole tables, the older events of the month the cutoff falls in row by row (ADR 0031).
 */
@QuarkusTest
class AuditRetentionTest {

    @Inject
    AuditLog audit;

    @Inject
    AuditRetention retention;

    @Inject
    MonthlyPartitionRepository partitions;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
        partitions.prepare(AuditRetention.TABLE, clock.instant()); // the months of today, if a travel dropped them
    }

    @Test
    void anEventIsKeptTwentyFourMonthsToTheMinuteAndItsMonthIsDroppedWholeOnceItHasEnded() {
        clock.travelTo(Instant.parse("2032-01-10T09:00:00Z"));
        retention.runNow(); // creates January to April 2032
        UUID application = UUID.randomUUID();
        Map<String, Instant> written = Map.of(
                "JANUARY", Instant.parse("2032-01-10T09:00:00Z"),
                "FEB_BEFORE_CUTOFF", Instant.parse("2032-02-14T22:59:00Z"),
                // 15 February 00:01 in Amsterdam: a minute after the cutoff below (the test clock runs on from where
                // a test sets it, so the job's cutoff is a little later than 00:00:00; never a minute later)
                "FEB_AFTER_CUTOFF", Instant.parse("2032-02-14T23:01:00Z"),
                "MARCH", Instant.parse("2032-03-01T00:00:00Z"));
        written.forEach((label, at) -> {
            clock.travelTo(at);
            audit.record("auditor", "PRIVACY_OFFICER", AuditAction.APPLICATION_READ, application, label);
        });
        assertThat(tablesByLabel(application))
                .containsEntry("JANUARY", "audit_event_p203201")
                .containsEntry("MARCH", "audit_event_p203203");

        clock.travelTo(Instant.parse("2034-02-15T00:00:00+01:00")); // the cutoff: 15 February 2032, 00:00 there
        long removed = retention.runNow();

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(tablesByLabel(application)).containsOnlyKeys("FEB_AFTER_CUTOFF", "MARCH");
        assertThat(partitions.months(AuditRetention.TABLE))
                .doesNotContain(YearMonth.of(2032, 1))
                .contains(YearMonth.of(2032, 2), YearMonth.of(2034, 5));
        assertThat(policyRecordsSince(Instant.parse("2034-01-01T00:00:00Z")))
                .as("the policy in force, recorded again once its record from the start went with the trimmed months")
                .isEqualTo(1);
    }

    private long policyRecordsSince(Instant since) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from audit_event where action ="
                                        + " 'RETENTION_POLICY_CHANGED' and occurred_at >= :since")
                                .setParameter("since", since)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void anEventOfAMonthWithoutATableOfItsOwnIsKeptAndRemovedAlike() {
        clock.travelTo(Instant.parse("2041-05-20T12:00:00Z"));
        UUID application = UUID.randomUUID();
        audit.record("auditor", "PRIVACY_OFFICER", AuditAction.APPLICATION_READ, application, "WAITING");
        assertThat(tablesByLabel(application)).containsEntry("WAITING", "audit_event_default");

        clock.travelTo(Instant.parse("2043-05-20T11:00:00Z")); // 24 months less an hour: kept
        retention.runNow();
        assertThat(tablesByLabel(application)).containsKey("WAITING");

        clock.travelTo(Instant.parse("2043-05-20T12:01:00Z"));
        retention.runNow();
        assertThat(tablesByLabel(application)).isEmpty();
    }

    /** The table each of the application's audit events is in, by its detail. */
    private Map<String, String> tablesByLabel(UUID application) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager
                    .createNativeQuery(
                            "select detail, tableoid::regclass::text from audit_event where application_id = :id",
                            Object[].class)
                    .setParameter("id", application)
                    .getResultList();
            return rows.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1]));
        });
    }
}
