package com.example.ats.vacancy;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static com.example.ats.shared.Api.asHrTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VacancyResourceTest {

    private static final String VACANCIES = "/api/v1/vacancies";

    private static Response create(String title) {
        return as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "location", "Utrecht"))
                .post(VACANCIES);
    }

    @Test
    void hrAdminCreatesAVacancyThatARecruiterCanRead() {
        Response created = create("Backend engineer");
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/vacancies/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("OPEN"))
                .body("title", equalTo("Backend engineer"));

        as("recruiter")
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(created.path("id")))
                .body("location", equalTo("Utrecht"));
    }

    @Test
    void everyStaffRoleAndTheHrToolCanReadVacancies() {
        String location = create("Data analyst").header("Location");
        for (String user : List.of("recruiter", "hr-admin", "privacy-officer")) {
            as(user).get(location).then().statusCode(200);
        }
        asHrTool().get(location).then().statusCode(200);
        asHrTool().get(VACANCIES).then().statusCode(200);
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        anonymous()
                .get(VACANCIES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:ats:problem:unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIs401ProblemJson() {
        String token = com.example.ats.shared.Api.userToken("hr-admin");
        String forged =
                token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        io.restassured.RestAssured.given()
                .auth()
                .oauth2(forged)
                .get(VACANCIES)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:unauthenticated"));
    }

    @Test
    void aRecruiterCannotCreateVacancies() {
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Sneaky"))
                .post(VACANCIES)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:forbidden"));
        asHrTool()
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Sneaky"))
                .post(VACANCIES)
                .then()
                .statusCode(403);
    }

    @Test
    void rejectsABlankTitleAndNamesTheField() {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", " ", "location", "x".repeat(201)))
                .post(VACANCIES)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:validation-failed"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("location"));
    }

    @Test
    void rejectsUnknownFieldsInsteadOfIgnoringThem() {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Tester", "salary", 1))
                .post(VACANCIES)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("salary"));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", List.of("not", "a", "string")))
                .post(VACANCIES)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("title"));
    }

    @Test
    void rejectsAMissingBody() {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .post(VACANCIES)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void updateNeedsTheCurrentETag() {
        Response created = create("Designer");
        String location = created.header("Location");
        Map<String, Object> closed = Map.of("title", "Designer", "status", "CLOSED");

        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(closed)
                .put(location)
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:ats:problem:precondition-required"));

        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(closed)
                .put(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", equalTo("CLOSED"));

        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Designer", "status", "OPEN"))
                .put(location)
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:ats:problem:precondition-failed"));

        as("recruiter").get(location).then().body("status", equalTo("CLOSED"));
    }

    @Test
    void ifMatchStarUpdatesWhateverTheCurrentVersionIs() {
        String location = create("Analyst").header("Location");
        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Data analyst", "status", "OPEN"))
                .put(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");

        as("hr-admin")
                .contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Map.of("title", "Data analyst", "status", "CLOSED"))
                .put(location)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("status", equalTo("CLOSED"));
    }

    @Test
    void aRecruiterCannotUpdateVacancies() {
        String location = create("Support").header("Location");
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "Support", "status", "CLOSED"))
                .put(location)
                .then()
                .statusCode(403);
    }

    @Test
    void anUnknownVacancyIs404ProblemJson() {
        as("recruiter")
                .get(VACANCIES + "/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:not-found"))
                .body("requestId", notNullValue());
    }

    @Test
    void listingWalksEveryVacancyOnceByCursor() {
        for (int i = 0; i < 7; i++) {
            create("Walk " + i).then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String next = VACANCIES + "?limit=3";
        int pages = 0;
        while (next != null) {
            Response page = as("recruiter").get(next);
            page.then().statusCode(200);
            seen.addAll(page.path("items.id"));
            String link = page.header("Link");
            next = page.path("next");
            assertThat(link == null).isEqualTo(next == null);
            pages++;
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen.size()).isGreaterThanOrEqualTo(7);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCursorTheServiceDidNotMakeIs400() {
        as("recruiter")
                .get(VACANCIES + "?cursor=not-a-cursor")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:ats:problem:malformed-request"));
    }

    @Test
    void aPageSizeOutOfRangeIs422() {
        as("recruiter").get(VACANCIES + "?limit=1000").then().statusCode(422).body("errors[0].field", equalTo("limit"));
    }
}
