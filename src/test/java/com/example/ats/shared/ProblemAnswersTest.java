package com.example.ats.shared;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemAnswersTest {

    @Test
    void anUnknownPathIs404ProblemJson() {
        anonymous()
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void brokenJsonIs400WithoutInternals() {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body("{\"title\": ")
                .post("/api/v1/vacancies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:malformed-request"))
                .body(not(containsString("jackson")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aWrongContentTypeIs415ProblemJson() {
        as("hr-admin")
                .contentType(ContentType.XML)
                .body("<vacancy/>")
                .post("/api/v1/vacancies")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:unsupported-media-type"));
    }

    @Test
    void theRequestIdIsEchoedAndKeptWhenSane() {
        anonymous()
                .header("X-Request-Id", "career-site-12345")
                .get("/api/v1/vacancies")
                .then()
                .header("X-Request-Id", "career-site-12345")
                .body("requestId", equalTo("career-site-12345"));
    }
}
