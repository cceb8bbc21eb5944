package com.example.ats.webhook;

import static com.example.ats.shared.Api.as;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Subscribing through the API, and vacancies as a quick source of events. */
final class Webhooks {

    static final String PATH = "/api/v1/webhooks";

    private Webhooks() {}

    static JsonPath subscribe(Supplier<RequestSpecification> as, String url, String... types) {
        return as.get()
                .contentType(ContentType.JSON)
                .body(Map.of("targetUrl", url, "eventTypes", List.of(types)))
                .post(PATH)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static JsonPath subscribe(String url, String... types) {
        return subscribe(() -> as("hr-admin"), url, types);
    }

    static String openVacancy() {
        return as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Tester", "description", "Tests", "location", "Delft"))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static void changeVacancy(String id, int version, String status) {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(Map.of(
                        "title", "Tester " + version, "description", "Tests", "location", "Delft", "status", status))
                .put("/api/v1/vacancies/" + id)
                .then()
                .statusCode(200);
    }
}
