package com.example.ats.privacy;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.purge.Purger;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The privacy officer's desk: requests with four-week due dates, overdue flags, and fulfilment on behalf. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class PrivacyRequestTest {

    private static final String PATH = "/api/v1/privacy-requests";

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    Purger purger;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void everyTypeIsRegisteredLinkedToTheRequestersApplicationsAndDueInFourWeeks() {
        String email = "requester." + letters() + "@example.org";
        String application = apply(email).getString("id");
        Instant received = clock.instant().minus(Duration.ofDays(1));

        for (String type : List.of("ACCESS", "RECTIFICATION", "ERASURE", "PORTABILITY", "WITHDRAWAL", "OBJECTION")) {
            as("privacy-officer")
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "type",
                            type,
                            "email",
                            email.toUpperCase(),
                            "receivedAt",
                            received.toString(),
                            "channel",
                            "EMAIL"))
                    .post(PATH)
                    .then()
                    .statusCode(201)
                    .body("type", equalTo(type))
                    .body("status", equalTo("OPEN"))
                    .body("overdue", equalTo(false))
                    .body("applicationIds", equalTo(List.of(application)));
        }
    }

    @Test
    void dueDatesAreFourCalendarWeeksInAmsterdamAcrossMonthEndsAndSummerTime() {
        assertThat(dueAt("2026-01-31T10:00:00Z")).isEqualTo("2026-02-28T10:00:00Z");
        assertThat(dueAt("2024-02-01T10:00:00Z")).isEqualTo("2024-02-29T10:00:00Z");
        // 13:00 in winter time, still 13:00 local four weeks later in summer time: 11:00 UTC
        assertThat(dueAt("2026-03-20T12:00:00Z")).isEqualTo("2026-04-17T11:00:00Z");
    }

    @Test
    void openRequestsComeSoonestFirstWithOverdueFlagsThatFollowTheClock() {
        String email = "late." + letters() + "@example.org";
        String late = register("ERASURE", email, clock.instant().minus(Duration.ofDays(40)));
        String fresh = register("ACCESS", email, clock.instant().minus(Duration.ofDays(1)));

        JsonPath open = as("privacy-officer")
                .queryParam("status", "OPEN")
                .queryParam("limit", 100)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = open.getList("items.id");
        assertThat(ids.indexOf(late)).isLessThan(ids.indexOf(fresh));
        assertThat(open.getBoolean("items.find { it.id == '" + late + "' }.overdue"))
                .isTrue();
        assertThat(open.getBoolean("items.find { it.id == '" + fresh + "' }.overdue"))
                .isFalse();
        assertThat(anonymous().get("/q/metrics").then().extract().asString())
                .containsPattern("ats_privacy_requests_overdue [1-9]")
                .containsPattern("ats_privacy_requests_open [1-9]");

        clock.travel(Duration.ofDays(28));
        as("privacy-officer").get(PATH + "/" + fresh).then().statusCode(200).body("overdue", equalTo(true));

        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Erased on 2026-11-25"))
                .post(PATH + "/" + late + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("overdue", equalTo(false));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "again"))
                .post(PATH + "/" + late + "/close")
                .then()
                .statusCode(409);
        List<String> stillOpen = as("privacy-officer")
                .queryParam("status", "OPEN")
                .queryParam("limit", 100)
                .get(PATH)
                .then()
                .extract()
                .path("items.id");
        assertThat(stillOpen).contains(fresh).doesNotContain(late);
    }

    @Test
    void theOfficerExportsAndErasesOnBehalf() throws Exception {
        JsonPath receipt = apply("onbehalf." + letters() + "@example.org");
        String id = receipt.getString("id");

        byte[] zip = as("privacy-officer")
                .get("/api/v1/applications/" + id + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("application.json", "README.txt", "documents/cv-cv.pdf");
        as("recruiter").get("/api/v1/applications/" + id + "/export").then().statusCode(403);

        as("privacy-officer").delete("/api/v1/applications/" + id).then().statusCode(422);
        as("hr-admin")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + id)
                .then()
                .statusCode(403);
        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + id)
                .then()
                .statusCode(204);

        as("privacy-officer").get("/api/v1/applications/" + id).then().statusCode(404);
        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + id)
                .then()
                .statusCode(404);
        as("privacy-officer")
                .queryParam("applicationId", id)
                .get("/api/v1/retention/purges")
                .then()
                .body("items.reason", hasItem("ERASURE_REQUEST"));
        long remaining = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager
                                .createNativeQuery(
                                        "select count(*) from document where application_id = cast(?1 as uuid)")
                                .setParameter(1, id)
                                .getSingleResult())
                        .longValue());
        assertThat(remaining).isZero();
    }

    @Test
    void theRegisterKeepsOnlyTheProofOnceTheRequestIsClosedAndTheApplicationIsErased() {
        String email = "erase-" + letters() + "@example.org";
        String applicationId = apply(email).getString("id");
        String requestId = register("ERASURE", email, clock.instant().minusSeconds(60));

        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + applicationId)
                .then()
                .statusCode(204);
        // still open: the officer needs the address to answer
        as("privacy-officer").get(PATH + "/" + requestId).then().body("email", equalTo(email));

        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Erased; confirmed to " + email, "outcomeCode", "FULFILLED"))
                .post(PATH + "/" + requestId + "/close")
                .then()
                .statusCode(200)
                .body("email", nullValue())
                .body("outcome", nullValue())
                .body("outcomeCode", equalTo("FULFILLED"))
                .body("minimisedAt", notNullValue())
                .body("type", equalTo("ERASURE"))
                .body("receivedAt", notNullValue())
                .body("dueAt", notNullValue())
                .body("closedAt", notNullValue());
        assertThat(storedPersonalData(requestId)).containsOnlyNulls();
    }

    @Test
    void aClosedRequestKeepsTheAddressWhileItsApplicationLivesAndLosesItWhenThePurgeTakesIt() {
        String email = "purged-" + letters() + "@example.org";
        Map<String, Object> form = Intake.form();
        Intake.applicant(form).put("email", email);
        form.put("retentionConsent", Map.of("granted", false));
        JsonPath application = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String requestId = register("ACCESS", email, clock.instant().minusSeconds(60));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Export sent by e-mail"))
                .post(PATH + "/" + requestId + "/close")
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("outcomeCode", equalTo("FULFILLED"))
                .body("minimisedAt", nullValue());

        clock.travelTo(Instant.parse(application.getString("expiresAt")).plusSeconds(1));
        purger.run();
        as("privacy-officer")
                .get(PATH + "/" + requestId)
                .then()
                .statusCode(200)
                .body("email", nullValue())
                .body("outcome", nullValue())
                .body("type", equalTo("ACCESS"))
                .body("minimisedAt", notNullValue());
        assertThat(storedPersonalData(requestId)).containsOnlyNulls();
    }

    @Test
    void freeTextThatPeopleTypeRefusesACitizenServiceNumber() {
        String email = "bsn-" + letters() + "@example.org";
        JsonPath application = apply(email);
        String requestId = register("ACCESS", email, clock.instant().minusSeconds(60));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Answered; BSN 111222333 on file"))
                .post(PATH + "/" + requestId + "/close")
                .then()
                .statusCode(422)
                .body("errors[0].field", containsString("outcome"));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute about 111222333"))
                .put("/api/v1/applications/" + application.getString("id") + "/legal-hold")
                .then()
                .statusCode(422)
                .body("errors[0].field", containsString("reason"));
        given().header("Applicant-Token", application.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Mijn BSN is 111222333.\nVerwijder alles."))
                .post("/api/v1/self/application/objection")
                .then()
                .statusCode(422)
                .body("errors[0].field", containsString("reason"));
        // line breaks are fine in these texts
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Answered by e-mail.\nNo data beyond the application."))
                .post(PATH + "/" + requestId + "/close")
                .then()
                .statusCode(200);
    }

    @Test
    void datesOutsideASensibleRangeAreClearErrorsNotStoredNorServerErrors() {
        for (String receivedAt : List.of("0099-01-01T00:00:00Z", "2001-01-01T00:00:00Z", "+20000-01-01T00:00:00Z")) {
            as("privacy-officer")
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "type",
                            "ACCESS",
                            "email",
                            "range@example.org",
                            "receivedAt",
                            receivedAt,
                            "channel",
                            "EMAIL"))
                    .post(PATH)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("receivedAt"));
        }
        String application = apply("range-" + letters() + "@example.org").getString("id");
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute", "until", "+100000-01-01T00:00:00Z"))
                .put("/api/v1/applications/" + application + "/legal-hold")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("until"));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute", "until", "2999-01-01T00:00:00Z"))
                .put("/api/v1/applications/" + application + "/legal-hold")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("until"));
        for (String path : List.of("/api/v1/audit-events", "/api/v1/retention/purges")) {
            as("privacy-officer")
                    .queryParam("from", "+1000000000-01-01T00:00:00Z")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        as("privacy-officer")
                .queryParam("until", "-0044-03-15T00:00:00Z")
                .get("/api/v1/retention/preview")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void readingTheRegisterIsAudited() {
        String requestId = register("ACCESS", "audited-" + letters() + "@example.org", clock.instant());
        as("privacy-officer").get(PATH + "/" + requestId).then().statusCode(200);
        as("privacy-officer").queryParam("status", "OPEN").get(PATH).then().statusCode(200);
        List<String> details = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select action || ':' || coalesce(detail, '') from audit_event"
                                + " where action in ('PRIVACY_REQUEST_READ', 'PRIVACY_REQUESTS_LISTED')"
                                + " and actor = 'privacy-officer'")
                        .getResultList());
        assertThat(details)
                .contains("PRIVACY_REQUEST_READ:request " + requestId)
                .anyMatch(d -> d.startsWith("PRIVACY_REQUESTS_LISTED:status=OPEN;items="));
    }

    private List<Object> storedPersonalData(String requestId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select email, note, outcome from privacy_request where id = cast(?1 as uuid)")
                .setParameter(1, requestId)
                .getSingleResult());
        return java.util.Arrays.asList(row);
    }

    @Test
    void onlyThePrivacyOfficerRegistersAndBadRequestsAreRefused() {
        Map<String, String> request = Map.of(
                "type",
                "ACCESS",
                "email",
                "x@example.org",
                "receivedAt",
                clock.instant().toString(),
                "channel",
                "EMAIL");
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(request)
                .post(PATH)
                .then()
                .statusCode(403);
        anonymous()
                .contentType(ContentType.JSON)
                .body(request)
                .post(PATH)
                .then()
                .statusCode(401);
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ACCESS",
                        "email",
                        "x@example.org",
                        "receivedAt",
                        clock.instant().plus(Duration.ofDays(2)).toString(),
                        "channel",
                        "EMAIL"))
                .post(PATH)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("receivedAt"));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "GOSSIP",
                        "email",
                        "x@example.org",
                        "receivedAt",
                        clock.instant().toString(),
                        "channel",
                        "EMAIL"))
                .post(PATH)
                .then()
                .statusCode(422);
    }

    private String dueAt(String receivedAt) {
        clock.travelTo(Instant.parse(receivedAt).plus(Duration.ofDays(1)));
        return as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("type", "ACCESS", "email", "due@example.org", "receivedAt", receivedAt, "channel", "POST"))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("dueAt");
    }

    private String register(String type, String email, Instant receivedAt) {
        return as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("type", type, "email", email, "receivedAt", receivedAt.toString(), "channel", "EMAIL"))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath apply(String email) {
        Map<String, Object> form = Intake.form();
        Intake.applicant(form).put("email", email);
        return Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** A unique part of an e-mail address without digits: a UUID's digits could pass for a citizen service number. */
    private static String letters() {
        return UUID.randomUUID().toString().replaceAll("[0-9-]", "");
    }
}
