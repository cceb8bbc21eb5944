package com.example.ats.consent;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Consent means what the applicant saw: the texts are public, and a grant of a version nobody saw is refused. */
@QuarkusTest
class ConsentTextTest {

    @Test
    void theCurrentConsentTextAndEachVersionArePublic() {
        anonymous()
                .get("/api/v1/consent-texts/current")
                .then()
                .statusCode(200)
                .body("version", equalTo("2026-01"))
                .body("text", not(emptyOrNullString()))
                .body("sha256", matchesPattern("[0-9a-f]{64}"))
                .body("current", equalTo(true));
        anonymous().get("/api/v1/consent-texts/2026-01").then().statusCode(200).body("version", equalTo("2026-01"));
        anonymous()
                .get("/api/v1/consent-texts/career-site-2025-draft")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aGrantOfAnUnknownTextVersionIsRefusedInSelfServiceAndWhenStaffRecordIt() {
        Map<String, Object> form = Intake.form();
        form.put("retentionConsent", Map.of("granted", false));
        JsonPath receipt = Intake.request(form)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();

        given().header("Applicant-Token", receipt.getString("accessToken"))
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "career-site-2025-draft"))
                .put("/api/v1/self/application/retention-consent")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("textVersion"));
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "career-site-2025-draft", "channel", "EMAIL"))
                .put("/api/v1/applications/" + receipt.getString("id") + "/retention-consent")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("textVersion"));

        as("recruiter")
                .get("/api/v1/applications/" + receipt.getString("id"))
                .then()
                .body("retentionConsent.granted", equalTo(false))
                .body("expiresAt", equalTo(receipt.getString("expiresAt")));
    }
}
