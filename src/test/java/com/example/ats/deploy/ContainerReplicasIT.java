package com.example.ats.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Replicas;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two containers of the image against one database share the purge as the JVM replicas do (ConcurrentPurgeTest):
 * every due application is purged exactly once, its file with it, and each leaves one purge record.
 */
class ContainerReplicasIT {

    private static final List<String> CONTAINERS = List.of("ats-it-replica-a", "ats-it-replica-b");
    private static final int APPLICATIONS = 24;

    @AfterEach
    void remove() {
        for (String container : CONTAINERS) {
            System.out.println(container + ":\n"
                    + Podman.run(Duration.ofMinutes(1), "logs", "--tail=15", container)
                            .output());
            Podman.removeQuietly("container", container);
        }
    }

    @Test
    void twoContainersPurgeEachDueApplicationOnceWithItsFile() throws Exception {
        ServiceImage.build();
        List<URI> replicas = new ArrayList<>();
        for (String container : CONTAINERS) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            // Both purge every second: they compete for the same due applications.
            ContainerImageIT.run(container, port, Map.of("ATS_MAIL_HOST", "off", "ATS_RETENTION_PURGE_EVERY", "1s"));
            replicas.add(URI.create("http://127.0.0.1:" + port));
        }
        for (URI replica : replicas) {
            ContainerImageIT.awaitReady(replica, Duration.ofSeconds(120));
        }

        List<UUID> applications = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            applications.add(UUID.fromString(given().baseUri(replicas.get(i % 2).toString())
                    .multiPart(
                            "application",
                            "{\"applicant\":{\"firstName\":\"Replica\",\"lastName\":\"Purge\",\"email\":\"purge" + i
                                    + "@example.org\"},\"retentionConsent\":{\"granted\":false}}",
                            "application/json")
                    .multiPart("cv", "cv.txt", ("Een cv, nummer " + i).getBytes(), "text/plain")
                    .post("/api/v1/applications")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id")));
        }

        try (Connection db = DriverManager.getConnection(
                Replicas.env("ATS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:55432/ats_test"),
                Replicas.env("ATS_DB_USERNAME", "ats"),
                Replicas.env("ATS_DB_PASSWORD", "ats"))) {
            // 29 days pass for these applications: their 28 days are over.
            try (PreparedStatement due =
                    db.prepareStatement("update application set applied_at = applied_at - interval '29 days',"
                            + " expires_at = now() - interval '1 day' where id = any(?)")) {
                due.setArray(1, db.createArrayOf("uuid", applications.toArray()));
                assertThat(due.executeUpdate()).isEqualTo(APPLICATIONS);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (count(db, "select count(*) from application where id = any(?)", applications) > 0) {
                assertThat(System.nanoTime()).as("purged within 90 s").isLessThan(deadline);
                Thread.sleep(500);
            }
            assertThat(count(db, "select count(*) from purge_record where application_id = any(?)", applications))
                    .isEqualTo(APPLICATIONS);
            assertThat(count(
                            db,
                            "select coalesce(sum(objects_removed), 0) from purge_record where application_id = any(?)",
                            applications))
                    .as("one file each, removed once")
                    .isEqualTo(APPLICATIONS);
            assertThat(count(db, "select count(*) from document where application_id = any(?)", applications))
                    .isZero();
        }
    }

    private static long count(Connection db, String sql, List<UUID> ids) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
