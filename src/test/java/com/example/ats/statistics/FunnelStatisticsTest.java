package com.example.ats.statistics;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Api;
import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics outlive the applications: thirty applications to two vacancies, through the API (anonymously and
 * with the HR tool's token) and the apply page, moved through the pipeline, some erased, the rest purged; then the
 * funnel, channel and duration numbers are exact with every application row gone, and nothing in the statistics
 * tables points to one of them.
 */
@QuarkusTest
class FunnelStatisticsTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    SealedMonths sealedMonths;

    private final List<UUID> ids = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theFunnelIsExactAfterEveryApplicationIsGoneAndNoStatisticPointsToOne() {
        // a month of its own, far from the other tests' applications: the hiding runs over the whole month
        YearMonth month = YearMonth.from(Periods.month(clock.instant())).plusMonths(30);
        clock.travelTo(month.atDay(10).atTime(10, 0).atZone(Periods.ZONE).toInstant());
        String backend = Applying.openVacancy("Backend engineer");
        String designer = Applying.openVacancy("Designer");

        // Backend: 10 through the API (6 consenting), 2 by the HR tool (1), 3 on the apply page (2): 15
        List<UUID> backendIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            backendIds.add(apply(backend, i < 6, false));
        }
        backendIds.add(apply(backend, true, true));
        backendIds.add(apply(backend, false, true));
        for (int i = 0; i < 3; i++) {
            backendIds.add(applyOnPage(backend, i < 2));
        }
        // Designer: 10 through the API (all consenting), 5 on the apply page (none): 15
        List<UUID> designerIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            designerIds.add(apply(designer, true, false));
        }
        for (int i = 0; i < 5; i++) {
            designerIds.add(applyOnPage(designer, false));
        }

        // the pipeline: 10 screened, 7 interviewed, 5 offered and hired; the other 5 rejected at once
        for (UUID id : backendIds.subList(0, 10)) {
            Applying.move(id, "SCREENING");
        }
        for (UUID id : backendIds.subList(0, 7)) {
            Applying.move(id, "INTERVIEW");
        }
        for (UUID id : backendIds.subList(0, 5)) {
            Applying.move(id, "OFFER");
            Applying.move(id, "HIRED");
        }
        for (UUID id : backendIds.subList(10, 15)) {
            Applying.move(id, "REJECTED");
        }
        // five designers asked for erasure; the purge takes everything else once its time has come
        for (UUID id : designerIds.subList(0, 5)) {
            as("privacy-officer")
                    .queryParam("reason", "ERASURE_REQUEST")
                    .delete("/api/v1/applications/{id}", id)
                    .then()
                    .statusCode(204);
        }
        clock.travel(Duration.ofDays(400));
        assertThat(sealedMonths.seal(month))
                .as("not while applications of the month are kept")
                .isFalse();
        as("privacy-officer").post("/api/v1/retention/runs").then().statusCode(200);
        assertThat(applicationRowsLeft()).isZero();

        String live = funnelOf(month);
        JsonPath funnel = JsonPath.from(live);
        Map<String, Object> backendTotal = total(funnel, backend);
        assertThat(values(backendTotal))
                .containsEntry("RECEIVED", 15)
                .containsEntry("CONSENT_GIVEN", 9)
                .containsEntry("CONSENT_REFUSED", 6)
                .containsEntry("REACHED_SCREENING", 10)
                .containsEntry("REACHED_OFFER", 5)
                .containsEntry("REACHED_HIRED", 5)
                .containsEntry("REACHED_REJECTED", 5)
                .containsEntry("REACHED_WITHDRAWN", 0)
                .containsEntry("ERASED", 0)
                .containsEntry("PURGED", 15);
        assertThat(values(total(funnel, designer)))
                .containsEntry("RECEIVED", 15)
                .containsEntry("CONSENT_GIVEN", 10)
                .containsEntry("CONSENT_REFUSED", 5)
                .containsEntry("REACHED_SCREENING", 0)
                .containsEntry("ERASED", 5)
                .containsEntry("PURGED", 10);

        // 10 screened, 7 interviewed, 5 offered: showing 7 would tell that 3 stopped after screening, and 2 after the
        // interview
        assertThat(shown(backendTotal, "REACHED_INTERVIEW")).isEqualTo("<5");

        // per channel: the API's ten are shown; the HR tool's 2 and the apply page's 3 are hidden, together
        Map<String, Map<String, Object>> channels = byChannel(funnel, backend);
        assertThat(channels).containsOnlyKeys("api", "client:hr-tool", "apply-page");
        assertThat(values(channels.get("api"))).containsEntry("RECEIVED", 10).containsEntry("REACHED_HIRED", 5);
        assertThat(shown(channels.get("client:hr-tool"), "RECEIVED")).isEqualTo("<5");
        assertThat(shown(channels.get("apply-page"), "RECEIVED")).isEqualTo("<5");
        assertThat(shown(channels.get("apply-page"), "REACHED_REJECTED")).isEqualTo("<5");
        assertThat(values(byChannel(funnel, designer).get("apply-page")))
                .containsEntry("RECEIVED", 5)
                .containsEntry("CONSENT_REFUSED", 5)
                .containsEntry("PURGED", 5);

        // how long it took: every answer came within a day
        String durations = "months[0].vacancies.find { it.vacancyId == '" + backend + "' }.durations";
        assertThat(funnel.getInt(durations + ".FIRST_RESPONSE.reached.value")).isEqualTo(15);
        assertThat(funnel.getInt(durations + ".FIRST_RESPONSE.buckets.find { it.upToDays == 1 }.count.value"))
                .isEqualTo(15);
        assertThat(funnel.getInt(durations + ".HIRED.buckets.find { it.upToDays == 1 }.count.value"))
                .isEqualTo(5);
        assertThat(funnel.getInt(durations + ".INTERVIEW.buckets.find { it.upToDays == 2 }.count.value"))
                .isZero();

        // once every application of the month is gone, the month is kept only as shown, and answers the same
        assertThat(sealedMonths.seal(month)).isTrue();
        assertThat(funnelOf(month)).isEqualTo(live);
        assertThat(countsOf(month)).isZero();
        assertThat(sealedMonths.seal(month)).as("sealed once").isFalse();
        // a count that arrives for a sealed month (a replay after a restore) is deleted; the sealed answer stands
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "insert into application_statistic (vacancy_id, month, channel, measure, count)"
                                        + " values (cast(?1 as uuid), ?2, 'api', 'PURGED', 1)")
                        .setParameter(1, backend)
                        .setParameter(2, month.atDay(1))
                        .executeUpdate());
        assertThat(sealedMonths.seal(month)).isFalse();
        assertThat(countsOf(month)).isZero();
        assertThat(funnelOf(month)).isEqualTo(live);

        assertThat(statisticsText()).allSatisfy(row -> {
            for (UUID id : ids) {
                assertThat(row).doesNotContain(id.toString());
            }
            for (String address : addresses) {
                assertThat(row).doesNotContainIgnoringCase(address);
            }
            assertThat(row).doesNotContain("Sanne", "de Vries", "1995-04-17", "1995");
        });
    }

    @Test
    void theFunnelComesAsCsvAndAsAChartForStaffOnly() {
        YearMonth month = YearMonth.from(Periods.month(clock.instant()));
        String vacancy = Applying.openVacancy("Data \"analyst\", m/f");
        for (int i = 0; i < 6; i++) {
            apply(vacancy, true, false);
        }
        String csv = as("hr-admin")
                .accept("text/csv")
                .queryParam("vacancyId", vacancy)
                .queryParam("from", month.toString())
                .queryParam("to", month.toString())
                .get("/api/v1/statistics/funnel")
                .then()
                .statusCode(200)
                .contentType("text/csv; charset=UTF-8")
                .extract()
                .asString();
        assertThat(csv)
                .startsWith("month,vacancyId,vacancyTitle,channel,measure,upToDays,count\r\n")
                .contains(month + "," + vacancy + ",\"Data \"\"analyst\"\", m/f\",api,RECEIVED,,6\r\n");
        String svg = as("privacy-officer")
                .accept("image/svg+xml")
                .queryParam("vacancyId", vacancy)
                .get("/api/v1/statistics/funnel")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asString();
        assertThat(svg)
                .startsWith("<svg")
                .contains("Data &quot;analyst&quot;, m/f")
                .contains(">6<");

        as("recruiter").get("/api/v1/statistics/funnel").then().statusCode(403);
        Api.asHrTool().get("/api/v1/statistics/funnel").then().statusCode(403);
        given().get("/api/v1/statistics/funnel").then().statusCode(401);
        as("hr-admin").get("/api/v1/statistics/privacy-requests").then().statusCode(403);
    }

    @Test
    void aTokenThatDoesNotHoldMakesAnApplicationAnonymousRatherThanRefusedAfterItsUpload() {
        java.util.Map<String, Object> form = com.example.ats.intake.Intake.form();
        com.example.ats.intake.Intake.applicant(form)
                .put("email", com.example.ats.intake.Intake.uniqueAddress("expired"));
        String id = com.example.ats.intake.Intake.request(form)
                .auth()
                .oauth2(Api.expiredToken("privacy-officer"))
                .header("X-Forwarded-For", "198.18.7.7")
                .multiPart("cv", "cv.pdf", com.example.ats.intake.SampleFiles.pdf(), "application/pdf")
                .post(com.example.ats.intake.Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> entityManager
                                .createNativeQuery("select channel from application where id = :id")
                                .setParameter("id", UUID.fromString(id))
                                .getSingleResult()))
                .isEqualTo("api");
    }

    @Test
    void aWindowThatIsNoMonthOrRunsBackwardsOrIsTooLongIsRefused() {
        for (Map<String, String> window : List.of(
                Map.of("from", "2026-13"),
                Map.of("from", "2026-1"),
                Map.of("from", "2026-03-01"),
                Map.of("from", "2026-05", "to", "2026-04"),
                Map.of("from", "2020-01", "to", "2026-12"))) {
            as("hr-admin")
                    .queryParams(window)
                    .get("/api/v1/statistics/funnel")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json");
        }
        as("hr-admin")
                .queryParam("vacancyId", "vacancy-7")
                .get("/api/v1/statistics/funnel")
                .then()
                .statusCode(400);
    }

    private UUID apply(String vacancy, boolean consent, boolean asHrTool) {
        return kept(Applying.byApi(vacancy, consent, asHrTool));
    }

    private UUID applyOnPage(String vacancy, boolean consent) {
        return kept(Applying.onPage(entityManager, vacancy, consent));
    }

    private UUID kept(Applying.Applied applied) {
        ids.add(applied.id());
        addresses.add(applied.address());
        return applied.id();
    }

    private long applicationRowsLeft() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery("select count(*) from application where id in (:ids)")
                                .setParameter("ids", ids)
                                .getSingleResult())
                        .longValue());
    }

    private static String funnelOf(YearMonth month) {
        return as("hr-admin")
                .queryParam("from", month.toString())
                .queryParam("to", month.toString())
                .get("/api/v1/statistics/funnel")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private long countsOf(YearMonth month) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(
                                        "select (select count(*) from application_statistic where month = ?1)"
                                                + " + (select count(*) from application_duration_statistic where month = ?1)")
                                .setParameter(1, month.atDay(1))
                                .getSingleResult())
                        .longValue());
    }

    /** Every row of every statistics table, as text: each column of each row. */
    @SuppressWarnings("unchecked")
    private List<String> statisticsText() {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) entityManager
                .createNativeQuery("select t::text from application_statistic t"
                        + " union all select t::text from application_duration_statistic t"
                        + " union all select t::text from privacy_request_statistic t"
                        + " union all select t::text from privacy_request_duration_statistic t"
                        + " union all select t::text from sealed_funnel_month t")
                .getResultList());
    }

    private static Map<String, Object> total(JsonPath funnel, String vacancy) {
        return funnel.getMap("months[0].vacancies.find { it.vacancyId == '" + vacancy + "' }.total");
    }

    private static Map<String, Map<String, Object>> byChannel(JsonPath funnel, String vacancy) {
        return funnel.getMap("months[0].vacancies.find { it.vacancyId == '" + vacancy + "' }.byChannel");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Map<String, Object> measures) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        measures.forEach((measure, count) -> values.put(measure, ((Map<String, Object>) count).get("value")));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static String shown(Map<String, Object> measures, String measure) {
        return (String) ((Map<String, Object>) measures.get(measure)).get("shown");
    }
}
