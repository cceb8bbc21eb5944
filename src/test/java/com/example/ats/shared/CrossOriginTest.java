package com.example.ats.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * By default no other site's pages may call the API from a browser or frame the pages (CORS and frame-ancestors
 * refuse every other origin); requests without an Origin header (servers, HR tools, curl) are not affected.
 */
@QuarkusTest
class CrossOriginTest {

    @Test
    void noOtherOriginIsAllowedByDefault() {
        given().header("Origin", "https://evil.example.net")
                .get("/api/v1/public/vacancies")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/applications")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().get("/api/v1/public/vacancies").then().statusCode(200);
        given().get("/apply")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"));
    }
}
