package com.example.ats.shared;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.intake.Intake;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad requests are refused before they cost anything, and nothing personal is left in a cache. */
@QuarkusTest
class CheapRefusalsTest {

    @Test
    void selfServiceChecksTheTokenBeforeItReadsTheBody() {
        given().header("Applicant-Token", "not-a-token")
                .header("X-Forwarded-For", "198.51.100.71")
                .contentType(ContentType.JSON)
                .body("{\"granted\": tru")
                .put("/api/v1/self/application/retention-consent")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Forwarded-For", "198.51.100.72")
                .contentType("application/merge-patch+json")
                .body("[1, 2")
                .patch("/api/v1/self/application")
                .then()
                .statusCode(401);
    }

    @Test
    void aBearerTokenThatIsNotEvenAJwtIs401NotAServerError() {
        for (String token : java.util.List.of("a.", ".", "x", "a.b", "not a token at all")) {
            given().header("Authorization", "Bearer " + token)
                    .get("/api/v1/vacancies")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aNulByteInASearchOrATextIsAClearErrorNotAServerError() {
        as("recruiter")
                .queryParam("q", "ab\u0000cd")
                .get("/api/v1/applications")
                .then()
                .statusCode(422);
        as("privacy-officer")
                .queryParam("actor", "\u0000")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(422);
        as("privacy-officer")
                .queryParam("action", "X\u0000")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(422);
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Engineer\u0000", "description", "line one\nline two"))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void jsonBodiesAreCappedFarBelowTheUploadLimit() {
        String big = "x".repeat(70 * 1024);
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Engineer", "description", big))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:payload-too-large"));
        given().header("Applicant-Token", "not-a-token")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", big))
                .put("/api/v1/self/application/retention-consent")
                .then()
                .statusCode(413);
    }

    @Test
    void answersWithATokenOrPersonalDataAreNeverCached() {
        JsonPath receipt = Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .extract()
                .jsonPath();
        given().header("Applicant-Token", receipt.getString("accessToken"))
                .get("/api/v1/self/application")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
        as("recruiter")
                .get("/api/v1/applications/" + receipt.getString("id"))
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store");
        as("recruiter").get("/api/v1/applications").then().statusCode(200).header("Cache-Control", "no-store");
        anonymous()
                .get("/api/v1/consent-texts/current")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age=300"));
    }
}
