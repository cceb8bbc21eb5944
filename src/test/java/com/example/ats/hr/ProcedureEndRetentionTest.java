package com.example.ats.hr;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.example.ats.purge.Purger;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** With clock-start PROCEDURE_END, an application without consent has no expiry until it leaves the pipeline. */
@QuarkusTest
@TestProfile(ProcedureEndProfile.class)
@Tag(StoreUnderTest.STORAGE)
class ProcedureEndRetentionTest {

    @Inject
    TestClock clock;

    @Inject
    Purger purger;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theTwentyEightDaysStartWhenTheApplicationIsRejected() {
        Map<String, Object> form = Intake.form();
        form.put("retentionConsent", Map.of("granted", false));
        String id = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .body("expiresAt", nullValue())
                .extract()
                .path("id");

        clock.travel(Duration.ofDays(40));
        String expiresAt = as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "REJECTED"))
                .put("/api/v1/applications/" + id + "/status")
                .then()
                .statusCode(200)
                .extract()
                .path("expiresAt");
        Instant rejectedAt = Instant.parse(as("recruiter")
                .get("/api/v1/applications/" + id)
                .then()
                .extract()
                .path("statusHistory[1].changedAt"));

        assertThat(Instant.parse(expiresAt))
                .isEqualTo(rejectedAt
                        .atZone(ZoneId.of("Europe/Amsterdam"))
                        .plusDays(28)
                        .toInstant());
    }

    @Test
    void withdrawingConsentWhileTheApplicationIsStillOpenDeletesNothingEarly() {
        Map<String, Object> form = Intake.form();
        form.put("retentionConsent", Map.of("granted", true, "textVersion", "2026-01"));
        var receipt = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = receipt.getString("id");

        clock.travel(Duration.ofDays(40));
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false))
                .put("/api/v1/self/application/retention-consent")
                .then()
                .statusCode(200)
                .body("lastAction", equalTo("WITHDRAWN"))
                .body("expiresAt", nullValue());

        purger.run();
        as("recruiter").get("/api/v1/applications/" + id).then().statusCode(200).body("expiresAt", nullValue());
    }
}
