package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service twice, on one database: the intake limit is the service's, not each replica's. Posts from one
 * client address through both replicas in turn are admitted N times in all, not N times per replica.
 */
class SharedRateLimitIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int LIMIT = 5;

    private final Replicas replicas = new Replicas();

    @AfterEach
    void stopAll() throws Exception {
        replicas.close();
    }

    @Test
    void twoReplicasAdmitTheLimitOnceBetweenThem() throws Exception {
        Map<String, String> settings = Map.of(
                "ATS_INTAKE_RATE_LIMIT", String.valueOf(LIMIT),
                "ATS_INTAKE_RATE_LIMIT_PERIOD", "PT1H",
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        URI a = replicas.start("limit-a", settings);
        URI b = replicas.start("limit-b", settings);
        // an address of this run only: the buckets outlive the replicas in the database
        String client = "2001:db8:" + Integer.toHexString(new SecureRandom().nextInt(0xffff)) + ":1::1";

        int admitted = 0;
        int refused = 0;
        for (int i = 0; i < 4 * LIMIT; i++) {
            HttpResponse<String> answer = HTTP.send(
                    HttpRequest.newBuilder((i % 2 == 0 ? a : b).resolve("/api/v1/applications"))
                            .header("X-Forwarded-For", client)
                            .header("Content-Type", "multipart/form-data; boundary=x")
                            .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 429) {
                refused++;
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            } else {
                admitted++;
            }
        }
        assertThat(admitted).as("posts admitted through both replicas together").isEqualTo(LIMIT);
        assertThat(refused).isEqualTo(3 * LIMIT);
    }
}
