package com.example.ats.vacancy;

import static com.example.ats.shared.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The job board needs no login: open vacancies only, a page at a time, cacheable for a minute; a closed vacancy is
 * not found there; nothing of the staff view (status, version, who changed it) is shown.
 */
@QuarkusTest
class PublicVacancyTest {

    @Test
    void openVacanciesAreListedForAnyoneAndAClosedOneIsNotFound() {
        String open = create("Data engineer");
        String closed = create("Closed role");
        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Closed role", "status", "CLOSED"))
                .put("/api/v1/vacancies/" + closed)
                .then()
                .statusCode(200);

        List<String> listed = listedIds();
        assertThat(listed).contains(open).doesNotContain(closed);

        JsonPath one = given().get("/api/v1/public/vacancies/" + open)
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=60"))
                .extract()
                .jsonPath();
        assertThat(one.getString("title")).isEqualTo("Data engineer");
        assertThat(one.getString("location")).isEqualTo("Leiden");
        assertThat(one.getString("openedOn")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(one.getMap("$")).doesNotContainKeys("status", "version", "updatedAt");

        given().get("/api/v1/public/vacancies/" + closed)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/public/vacancies/not-an-id").then().statusCode(400);
        given().queryParam("limit", 0).get("/api/v1/public/vacancies").then().statusCode(422);
    }

    private static List<String> listedIds() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/public/vacancies")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static String create(String title) {
        return as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "description", "Werk met data", "location", "Leiden"))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
