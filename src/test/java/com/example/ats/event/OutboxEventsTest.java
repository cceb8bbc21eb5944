package com.example.ats.event;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.shared.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every change that matters writes its event once, in the change's transaction, and no event holds personal data:
 * the changes are made through the API, the events read through the change feed, and each payload searched for the
 * applicant's name, e-mail, phone and the free texts staff typed.
 */
@QuarkusTest
class OutboxEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void eachChangeWritesItsEventOnceAndNoEventHoldsPersonalData() throws Exception {
        String cursor = Feed.end();
        String privacyCursor = Feed.since("privacy-officer", null).cursor();
        Applicant applicant = Applicant.unique();
        JsonPath receipt = applicant.apply(true);
        UUID id = UUID.fromString(receipt.getString("id"));
        String base = "/api/v1/applications/" + id;

        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "SCREENING"))
                .put(base + "/status")
                .then()
                .statusCode(200);
        as("recruiter") // a refused change writes nothing
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "INTERVIEW"))
                .put(base + "/status")
                .then()
                .statusCode(412);
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false, "channel", "EMAIL"))
                .put(base + "/retention-consent")
                .then()
                .statusCode(200);
        String holdReason = "Dispute raised by " + applicant.lastName;
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", holdReason))
                .put(base + "/legal-hold")
                .then()
                .statusCode(200);
        as("privacy-officer")
                .accept("application/problem+json") // as a generated client asks: only errors have a body
                .delete(base + "/legal-hold")
                .then()
                .statusCode(204);
        as("privacy-officer").delete(base + "/legal-hold").then().statusCode(204); // no hold: no change, no event
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType("application/merge-patch+json")
                .body("{\"phone\":\"+31 6 98765432\",\"address\":{\"city\":\"Zwolle\"}}")
                .patch("/api/v1/self/application")
                .then()
                .statusCode(200);
        String requestId = as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "ERASURE",
                        "email",
                        applicant.email,
                        "receivedAt",
                        Instant.now().minusSeconds(60).toString(),
                        "channel",
                        "EMAIL"))
                .post("/api/v1/privacy-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<Map<String, Object>> beforeErasure = Feed.since(cursor).events();
        assertThat(Feed.types(Feed.about(beforeErasure, id)))
                .containsExactly(
                        "application.received",
                        "application.status_changed",
                        "application.consent_changed",
                        "application.legal_hold_changed",
                        "application.legal_hold_changed",
                        "application.rectified");
        Map<String, Object> statusChanged = Feed.about(beforeErasure, id).get(1);
        assertThat((Map<String, Object>) statusChanged.get("data"))
                .containsEntry("from", "RECEIVED")
                .containsEntry("to", "SCREENING");
        assertThat((Map<String, Object>) Feed.about(beforeErasure, id).get(5).get("data"))
                .containsEntry("fields", List.of("address.city", "phone"));
        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete(base)
                .then()
                .statusCode(204);
        String outcome = "Erased; told " + applicant.firstName + " by e-mail";
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", outcome))
                .post("/api/v1/privacy-requests/" + requestId + "/close")
                .then()
                .statusCode(200);

        Applicant expiring = Applicant.unique();
        UUID purged = UUID.fromString(expiring.apply(false).getString("id"));
        clock.travel(Duration.ofDays(60));
        as("privacy-officer").post("/api/v1/retention/runs").then().statusCode(200);
        clock.reset();

        String vacancy = as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Data engineer", "description", "Pipelines", "location", "Utrecht"))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        changeVacancy(vacancy, "\"0\"", "OPEN");
        changeVacancy(vacancy, "\"1\"", "CLOSED");
        changeVacancy(vacancy, "\"2\"", "OPEN");

        // Once an application is gone, its removal is the one event left about it: its history goes with it.
        List<Map<String, Object>> events = Feed.since(cursor).events();
        assertThat(Feed.types(Feed.about(events, id))).containsExactly("application.erased");
        assertThat(Feed.types(Feed.about(events, purged))).containsExactly("application.purged");
        assertThat((Map<String, Object>) Feed.about(events, purged).getFirst().get("data"))
                .containsEntry("reason", "EXPIRED");
        assertThat(Feed.types(Feed.about(events, vacancy)))
                .containsExactly("vacancy.opened", "vacancy.changed", "vacancy.closed", "vacancy.opened");
        assertThat(Feed.about(events, requestId))
                .as("privacy requests are not HR's business")
                .isEmpty();
        List<Map<String, Object>> privacyEvents =
                Feed.since("privacy-officer", privacyCursor).events();
        assertThat(Feed.types(Feed.about(privacyEvents, requestId)))
                .containsExactly("privacy_request.registered", "privacy_request.closed");
        assertThat(Feed.types(privacyEvents)).allMatch(type -> type.startsWith("privacy_request."));
        events = new java.util.ArrayList<>(events);
        events.addAll(beforeErasure);
        events.addAll(privacyEvents);

        String everything = JSON.writeValueAsString(events);
        for (String personal : List.of(
                applicant.firstName,
                applicant.lastName,
                applicant.email,
                expiring.lastName,
                expiring.email,
                "98765432",
                "Zwolle",
                holdReason,
                outcome,
                "Data engineer",
                "Pipelines")) {
            assertThat(everything).doesNotContain(personal);
        }
    }

    @Test
    void eachRoleReadsOnlyTheEventsItMayKnow() {
        as("recruiter").get(Feed.PATH).then().statusCode(403);
        given().get(Feed.PATH).then().statusCode(401);
        com.example.ats.shared.Api.asHrTool().get(Feed.PATH).then().statusCode(200);
        com.example.ats.shared.Api.asHrTool()
                .queryParam("types", "privacy_request.registered")
                .get(Feed.PATH)
                .then()
                .statusCode(403);
        com.example.ats.shared.Api.asHrTool()
                .queryParam("types", "webhook.disabled")
                .get(Feed.PATH)
                .then()
                .statusCode(403);
        as("privacy-officer")
                .queryParam("types", "application.received")
                .get(Feed.PATH)
                .then()
                .statusCode(403);
    }

    private static void changeVacancy(String id, String version, String status) {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", version)
                .body(Map.of(
                        "title", "Data engineer", "description", "Pipelines", "location", "Utrecht", "status", status))
                .put("/api/v1/vacancies/" + id)
                .then()
                .statusCode(200);
    }

    /** An applicant with details unique to one test, letters only (digits could pass the BSN check). */
    record Applicant(String firstName, String lastName, String email) {

        static Applicant unique() {
            String letters = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            return new Applicant("Ilse" + letters, "Terpstra" + letters, "ilse." + letters + "@example.org");
        }

        JsonPath apply(boolean consent) {
            Map<String, Object> form = Intake.form();
            Map<String, Object> details = Intake.applicant(form);
            details.put("firstName", firstName);
            details.put("lastName", lastName);
            details.put("email", email);
            Map<String, Object> answer =
                    consent ? Map.of("granted", true, "textVersion", "2026-01") : Map.of("granted", false);
            form.put("retentionConsent", answer);
            return Intake.request(form)
                    .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                    .post(Intake.PATH)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath();
        }
    }
}
