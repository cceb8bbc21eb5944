package com.example.ats.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.example.ats.event.EventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (openapi/openapi.yaml) must be exactly what the code generates, and be one integrators can
 * generate clients from: a stable operationId on every operation, an audience tag on each, and every event type
 * described as an OpenAPI 3.1 webhook.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");
    private static final Path GENERATED = Path.of("target/openapi-generated.yaml");

    @Test
    void committedContractMatchesTheCode() throws IOException {
        String generated = given().accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Files.createDirectories(GENERATED.getParent());
        Files.writeString(GENERATED, generated);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (!committed.equals(generated)) {
            fail("openapi/openapi.yaml differs from the contract the code generates. If the change is intended, "
                    + "refresh it with: cp target/openapi-generated.yaml openapi/openapi.yaml (written by this test), "
                    + "review the diff, and commit it.");
        }
    }

    @Test
    void everyOperationHasAUniqueOperationIdAndAnAudienceTag() {
        Map<String, Map<String, Map<String, Object>>> paths = contract().getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            String id = (String) operation.get("operationId");
            assertThat(id).as(method + " " + path).isNotNull().matches("[a-z][A-Za-z]+");
            ids.add(id);
            assertThat((List<String>) operation.get("tags"))
                    .as(method + " " + path)
                    .hasSize(1)
                    .allMatch(AUDIENCES::contains);
        }));
        assertThat(ids).hasSizeGreaterThan(35).doesNotHaveDuplicates();
    }

    @Test
    void everyEventTypeIsDescribedAsAWebhook() {
        Map<String, Object> webhooks = contract().getMap("webhooks");
        List<String> expected = new ArrayList<>(
                Arrays.stream(EventType.values()).map(EventType::wireName).toList());
        expected.add("webhook.ping");
        assertThat(webhooks.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static final List<String> AUDIENCES = List.of("Applicants", "Staff", "Privacy officer", "HR tools");

    private static JsonPath contract() {
        return given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
