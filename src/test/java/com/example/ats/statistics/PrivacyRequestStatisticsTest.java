package com.example.ats.statistics;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The privacy-request statistics agree with the register, for a month with requests answered on time and late. */
@QuarkusTest
class PrivacyRequestStatisticsTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theFiguresOfAMonthMatchTheRegister() {
        YearMonth month = YearMonth.from(Periods.month(clock.instant())).plusMonths(3);
        Instant registered = month.atDay(10).atTime(10, 0).atZone(Periods.ZONE).toInstant();
        clock.travelTo(registered);
        List<String> access = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            access.add(Applying.registerRequest("ACCESS", registered.minus(Duration.ofHours(1))));
        }
        for (int i = 0; i < 5; i++) {
            Applying.registerRequest("PORTABILITY", registered.minus(Duration.ofDays(2)));
        }
        for (String id : access.subList(0, 6)) {
            Applying.closeRequest(id, "FULFILLED"); // the same day: on time
        }
        clock.travel(Duration.ofDays(40));
        for (String id : access.subList(6, 12)) {
            Applying.closeRequest(id, "PARTLY_FULFILLED"); // 40 days on: late
        }

        JsonPath figures = as("privacy-officer")
                .queryParam("from", month.toString())
                .queryParam("to", month.toString())
                .get("/api/v1/statistics/privacy-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String type : List.of("ACCESS", "PORTABILITY")) {
            String at = "months[0].byType." + type + ".";
            Map<String, Long> register = register(month, type);
            assertThat(figures.getLong(at + "registered.value")).isEqualTo(register.get("registered"));
            assertThat(figures.getLong(at + "closedOnTime.value")).isEqualTo(register.get("onTime"));
            assertThat(figures.getLong(at + "closedLate.value")).isEqualTo(register.get("late"));
            assertThat(figures.getLong(at + "outcomes.FULFILLED.value")).isEqualTo(register.get("fulfilled"));
            assertThat(figures.getLong(at + "outcomes.PARTLY_FULFILLED.value")).isEqualTo(register.get("partly"));
        }
        assertThat(figures.getLong("months[0].byType.ACCESS.closedOnTime.value"))
                .isGreaterThanOrEqualTo(6);
        assertThat(figures.getLong("months[0].byType.ACCESS.closedLate.value")).isGreaterThanOrEqualTo(6);
        assertThat(figures.getLong("months[0].byType.ACCESS.answeredIn.find { it.upToDays == 1 }.count.value"))
                .isEqualTo(figures.getLong("months[0].byType.ACCESS.closedOnTime.value"));
        assertThat(figures.getLong("months[0].byType.ACCESS.answeredIn.find { it.upToDays == 56 }.count.value"))
                .isEqualTo(figures.getLong("months[0].byType.ACCESS.closedLate.value"));
        assertThat(figures.getLong("months[0].allTypes.registered.value"))
                .isEqualTo(register(month, null).get("registered"));
    }

    /** What the register itself says of the requests received in the month (of one type, or all when null). */
    private Map<String, Long> register(YearMonth month, String type) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select count(*),"
                        + " count(*) filter (where status = 'CLOSED' and closed_at <= due_at),"
                        + " count(*) filter (where status = 'CLOSED' and closed_at > due_at),"
                        + " count(*) filter (where outcome_code = 'FULFILLED' and status = 'CLOSED'),"
                        + " count(*) filter (where outcome_code = 'PARTLY_FULFILLED')"
                        + " from privacy_request where received_at >= :from and received_at < :until"
                        + " and (cast(:type as varchar) is null or type = cast(:type as varchar))")
                .setParameter("from", month.atDay(1).atStartOfDay(Periods.ZONE).toInstant())
                .setParameter(
                        "until",
                        month.plusMonths(1).atDay(1).atStartOfDay(Periods.ZONE).toInstant())
                .setParameter("type", type)
                .getSingleResult());
        return Map.of(
                "registered", ((Number) row[0]).longValue(),
                "onTime", ((Number) row[1]).longValue(),
                "late", ((Number) row[2]).longValue(),
                "fulfilled", ((Number) row[3]).longValue(),
                "partly", ((Number) row[4]).longValue());
    }
}
