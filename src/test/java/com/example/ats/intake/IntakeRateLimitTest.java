package com.example.ats.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import com.example.ats.shared.LowLimitsProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The public door is rate-limited per client address, with the standard headers. */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class IntakeRateLimitTest {

    private static RequestSpecification from(String address) {
        return Intake.valid().header("X-Forwarded-For", address);
    }

    @Test
    void refusesTheRequestOverTheLimitWithRetryAfter() {
        from("203.0.113.7")
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "2");
        from("203.0.113.7").post(Intake.PATH).then().statusCode(201).header("RateLimit-Remaining", "1");
        // bad requests count too: the limit is on attempts
        given().header("X-Forwarded-For", "203.0.113.7")
                .multiPart("cv", "cv.pdf", SampleFiles.pdf())
                .post(Intake.PATH)
                .then()
                .statusCode(422);

        from("203.0.113.7")
                .post(Intake.PATH)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:too-many-requests"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0")
                .extract()
                .header("Retry-After")
                .transform(Integer::parseInt);
        from("203.0.113.7")
                .post(Intake.PATH)
                .then()
                .statusCode(429)
                .header("Retry-After", s -> Integer.parseInt(s), greaterThan(0));
    }

    @Test
    void countsEachAddressOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            from("203.0.113.20").post(Intake.PATH).then().statusCode(201);
        }
        from("203.0.113.20").post(Intake.PATH).then().statusCode(429);
        from("203.0.113.21").post(Intake.PATH).then().statusCode(201);
    }

    @Test
    void theLimitHoldsForEverySpellingOfThePath() {
        int accepted = 0;
        for (String path : java.util.List.of(
                Intake.PATH + "/",
                Intake.PATH + "//",
                "/API/v1/Applications",
                Intake.PATH + "/",
                Intake.PATH,
                Intake.PATH)) {
            int status = from("203.0.113.40").post(path).then().extract().statusCode();
            assertThat(status).isIn(201, 404, 429);
            accepted += status == 201 ? 1 : 0;
        }
        assertThat(accepted).isLessThanOrEqualTo(3);
        from("203.0.113.40").post(Intake.PATH).then().statusCode(429);
    }

    @Test
    void theAddressesOfOneIpv6Slash64ShareOneBucket() {
        int accepted = 0;
        for (int i = 1; i <= 25; i++) {
            int status = from("2001:db8:5:6:" + Integer.toHexString(i) + "::" + Integer.toHexString(i * 7))
                    .post(Intake.PATH)
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status).isIn(201, 429);
            accepted += status == 201 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(3);
        from("2001:db8:5:7::1").post(Intake.PATH).then().statusCode(201); // the next /64 is another client
    }

    @Test
    void leavesStaffEndpointsAlone() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.30")
                    .get("/api/v1/vacancies")
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void theJobBoardAndTheConsentPagesHaveALimitOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.80")
                    .get("/api/v1/public/vacancies")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "5");
        }
        given().header("X-Forwarded-For", "203.0.113.80")
                .get("/consent/" + "A".repeat(43))
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().header("X-Forwarded-For", "203.0.113.81")
                .get("/api/v1/public/vacancies")
                .then()
                .statusCode(200);
        from("203.0.113.80").post(Intake.PATH).then().statusCode(201); // the intake counts apart
    }

    @Test
    void theApplyPageCountsWithTheIntakeAndAnswersARefusalWithAPage() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.90")
                    .multiPart("lang", "nl")
                    .post("/apply")
                    .then()
                    .statusCode(422)
                    .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        }
        given().header("X-Forwarded-For", "203.0.113.90")
                .multiPart("lang", "nl")
                .post("/apply")
                .then()
                .statusCode(429)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .body(org.hamcrest.Matchers.containsString("te veel sollicitaties"));
        from("203.0.113.90").post(Intake.PATH).then().statusCode(429); // one limit for both ways in
    }

    /**
     * Past the limit, a post to the apply page is refused as soon as its headers are in: the client has sent one KiB
     * of the twenty MiB it announced, and nothing of it was written to disk.
     */
    @Test
    void aPostToTheApplyPageOverTheLimitIsRefusedBeforeItsBodyIsRead() throws Exception {
        for (int i = 0; i < 3; i++) {
            from("203.0.113.91").post(Intake.PATH).then().statusCode(201);
        }
        Path uploads =
                Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        Set<Path> copiesBefore = copies(uploads);
        String boundary = "slow-boundary";
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /apply HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.91\r\n"
                            + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                            + "Content-Length: " + 20 * 1024 * 1024 + "\r\n\r\n"
                            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.pdf\""
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(status).startsWith("HTTP/1.1 429");
            assertThat(copies(uploads)).isEqualTo(copiesBefore);
        }
    }

    private static Set<Path> copies(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toSet());
        }
    }
}
