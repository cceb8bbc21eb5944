package com.example.ats.self;

import static io.restassured.RestAssured.given;

import com.example.ats.shared.LowLimitsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** Guessing tokens is slowed down: after the limit of wrong tokens, an address gets 429s, even with a right one. */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class TokenGuessingTest {

    @Test
    void repeatedWrongTokensFromOneAddressAreRefused() {
        JsonPath receipt = SelfServiceTest.apply();
        for (int i = 0; i < 3; i++) {
            given().header("Applicant-Token", "guess-" + i)
                    .get("/api/v1/self/application")
                    .then()
                    .statusCode(401);
        }
        given().header("Applicant-Token", "guess-4")
                .get("/api/v1/self/application")
                .then()
                .statusCode(429)
                .header("Retry-After", Matchers.notNullValue());
        SelfServiceTest.self(receipt).get("/api/v1/self/application").then().statusCode(429);
    }

    @Test
    void theTwentyFirstChangeToOneApplicationInAMinuteIsRefusedWithRetryAfter() {
        JsonPath receipt = com.example.ats.intake.Intake.valid()
                .header("X-Forwarded-For", "198.51.100.61")
                .post(com.example.ats.intake.Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        for (int i = 0; i < 20; i++) {
            SelfServiceTest.self(receipt)
                    .header("X-Forwarded-For", "198.51.100.62")
                    .contentType("application/json")
                    .body("{\"reason\": \"objection " + i + "\"}")
                    .post("/api/v1/self/application/objection")
                    .then()
                    .statusCode(202);
        }
        SelfServiceTest.self(receipt)
                .header("X-Forwarded-For", "198.51.100.63") // another address: the limit is the application's
                .contentType("application/json")
                .body("{\"reason\": \"one more\"}")
                .post("/api/v1/self/application/objection")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Matchers.notNullValue());
        SelfServiceTest.self(receipt)
                .header("X-Forwarded-For", "198.51.100.63")
                .get("/api/v1/self/application")
                .then()
                .statusCode(200); // reading is not a change

        // the portal, another face of the same actions, counts against the same limit and says so on its page
        String cookie = given().header("X-Forwarded-For", "198.51.100.64")
                .contentType(io.restassured.http.ContentType.URLENC)
                .formParam("token", receipt.getString("accessToken"))
                .redirects()
                .follow(false)
                .post("/my-application/login")
                .then()
                .statusCode(303)
                .extract()
                .cookie("ats_portal");
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("name=\"form\" value=\"([^\"]+)\"")
                .matcher(given().cookie("ats_portal", cookie)
                        .get("/my-application")
                        .asString());
        org.assertj.core.api.Assertions.assertThat(form.find()).isTrue();
        given().cookie("ats_portal", cookie)
                .header("X-Forwarded-For", "198.51.100.64")
                .contentType(io.restassured.http.ContentType.URLENC.withCharset("UTF-8"))
                .formParam("form", form.group(1))
                .formParam("reason", "once more")
                .post("/my-application/objection")
                .then()
                .statusCode(429)
                .contentType(io.restassured.http.ContentType.HTML)
                .body(Matchers.containsString("te vaak"));

        // twenty objections through one code: one request for the privacy officer, one acknowledgement mailed
        java.util.List<Object> objections = com.example.ats.shared.Api.as("privacy-officer")
                .queryParam("status", "OPEN")
                .queryParam("limit", 100)
                .get("/api/v1/privacy-requests")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.type == 'OBJECTION' && it.applicationIds.contains('"
                        + receipt.getString("id") + "') }");
        org.assertj.core.api.Assertions.assertThat(objections).hasSize(1);
    }
}
