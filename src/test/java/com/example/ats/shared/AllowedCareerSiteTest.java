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
@TestProfile(LowLimitsProfile.class)
class AllowedCareerSiteTest {

    @Test
    void theConfiguredSiteIsAllowedAndOnlyIt() {
        client().header("Origin", LowLimitsProfile.CAREER_SITE)
                .get("/api/v1/public/vacancies")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(LowLimitsProfile.CAREER_SITE));
        client().header("Origin", "https://evil.example.net")
                .get("/api/v1/public/vacancies")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        client().get("/apply")
                .then()
                .header("Content-Security-Policy", containsString("frame-ancestors " + LowLimitsProfile.CAREER_SITE))
                .header("X-Frame-Options", nullValue());
        client().get("/my-application")
                .then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        // the service's own pages still post to it: a same-origin form is not refused by the CORS filter
        client().header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .contentType(io.restassured.http.ContentType.URLENC)
                .formParam("token", "not-a-token")
                .post("/my-application/login")
                .then()
                .statusCode(401);
    }

    /** A client address of this run's own: the limits of the profile are low, and their buckets outlive a run. */
    private static final String CLIENT = "198.18.12." + (1 + (int) (Math.random() * 250));

    private static io.restassured.specification.RequestSpecification client() {
        return given().header("X-Forwarded-For", CLIENT);
    }
}
