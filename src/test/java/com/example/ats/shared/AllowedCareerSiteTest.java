package com.example.ats.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** A configured career site may call the job board from its pages and frame the apply page; nobody else may. */
@QuarkusTest
@TestProfile(CorsProfile.class)
class AllowedCareerSiteTest {

    @Test
    void theConfiguredSiteIsAllowedAndOnlyIt() {
        given().header("Origin", CorsProfile.CAREER_SITE)
                .get("/api/v1/public/vacancies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CorsProfile.CAREER_SITE));
        given().header("Origin", "https://evil.example.net")
                .get("/api/v1/public/vacancies")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().get("/apply")
                .then()
                .header("Content-Security-Policy", containsString("frame-ancestors " + CorsProfile.CAREER_SITE))
                .header("X-Frame-Options", nullValue());
        given().get("/my-application")
                .then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        // the service's own pages still post to it: a same-origin form is not refused by the CORS filter
        given().header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .contentType(io.restassured.http.ContentType.URLENC)
                .formParam("token", "not-a-token")
                .post("/my-application/login")
                .then()
                .statusCode(401);
    }
}
