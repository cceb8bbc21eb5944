package com.example.ats.statistics;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.shared.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** What the statistics tests count: applications to a vacancy of their own, by each channel, moved on; privacy requests. */
final class Applying {

    private static final Random RANDOM = new Random();

    /** An application made, with the address it was made under. */
    record Applied(UUID id, String address) {}

    private Applying() {}

    static String openVacancy(String title) {
        return as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "location", "Utrecht"))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Through the API: anonymously (a career site) or with the HR tool's token. */
    static Applied byApi(String vacancy, boolean consent, boolean asHrTool) {
        Map<String, Object> form = Intake.form();
        form.put("vacancyId", vacancy);
        String address = Intake.uniqueAddress("statistics");
        Intake.applicant(form).put("email", address);
        Intake.consent(form).put("granted", consent);
        if (!consent) {
            Intake.consent(form).remove("textVersion");
        }
        var request = Intake.request(form);
        if (asHrTool) {
            request.auth().oauth2(Api.hrToolToken());
        }
        String id = request.header("X-Forwarded-For", randomAddress())
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Applied(UUID.fromString(id), address);
    }

    /** On the apply page; the page shows no id, so it is looked up by the address. */
    static Applied onPage(EntityManager entityManager, String vacancy, boolean consent) {
        String address = Intake.uniqueAddress("statistics");
        given().header("X-Forwarded-For", randomAddress())
                .multiPart("firstName", "Sanne")
                .multiPart("lastName", "de Vries")
                .multiPart("email", address)
                .multiPart("consent", consent ? "yes" : "no")
                .multiPart("lang", "nl")
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post("/apply/" + vacancy)
                .then()
                .statusCode(200);
        UUID id = QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("select application_id from applicant where email = :email")
                .setParameter("email", address)
                .getSingleResult());
        return new Applied(id, address);
    }

    static void move(UUID id, String status) {
        String etag = as("recruiter")
                .get("/api/v1/applications/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("status", status))
                .put("/api/v1/applications/{id}/status", id)
                .then()
                .statusCode(200);
    }

    /** Consent given (or renewed) or withdrawn later, as recorded by a recruiter from an e-mail. */
    static void consent(UUID id, boolean granted) {
        Map<String, Object> body = granted
                ? Map.of("granted", true, "textVersion", "2026-01", "channel", "EMAIL")
                : Map.of("granted", false, "channel", "EMAIL");
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/applications/{id}/retention-consent", id)
                .then()
                .statusCode(200);
    }

    private static String randomAddress() {
        return "198.19." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** A privacy request registered by the privacy officer, received by e-mail at {@code receivedAt}; its id. */
    static String registerRequest(String type, java.time.Instant receivedAt) {
        return as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        type,
                        "email",
                        Intake.uniqueAddress("request"),
                        "receivedAt",
                        receivedAt.toString(),
                        "channel",
                        "EMAIL"))
                .post("/api/v1/privacy-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void closeRequest(String id, String outcomeCode) {
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "Answered by e-mail", "outcomeCode", outcomeCode))
                .post("/api/v1/privacy-requests/{id}/close", id)
                .then()
                .statusCode(200);
    }
}
