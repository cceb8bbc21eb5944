package com.example.ats.shared;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed contract (openapi/openapi.yaml) must be exactly what the code generates. */
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
}
