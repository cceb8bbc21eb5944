package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.intake.Intake;
import com.example.ats.intake.SampleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Production's log format: every line one JSON object, a request's lines carrying its request id, and no
 * applicant's details in any of them.
 */
@QuarkusTest
class JsonLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLineIsJsonAndARequestsLinesCarryItsRequestIdButNoPersonalData() throws IOException {
        String requestId = "json-log-" + UUID.randomUUID();
        Map<String, Object> form = Intake.form();
        Map<String, Object> applicant = Intake.applicant(form);
        String email = (String) applicant.get("email");
        String lastName = (String) applicant.get("lastName");
        Intake.request(form)
                .header("X-Request-Id", requestId)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH)
                .then()
                .statusCode(201);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("target", "ats-test.log"))) {
            lines.add(JSON.readTree(line)); // throws on a line that is not JSON
        }
        List<JsonNode> ofTheRequest = lines.stream()
                .filter(line ->
                        requestId.equals(line.path("mdc").path("requestId").asText()))
                .toList();
        assertThat(ofTheRequest)
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("Application "));
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.has("timestamp")).isTrue();
            assertThat(line.has("level")).isTrue();
            assertThat(line.toString()).doesNotContain(email).doesNotContain(lastName);
        });
    }
}
