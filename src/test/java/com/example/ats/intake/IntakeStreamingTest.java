package com.example.ats.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.storage.MinioObjectStore;
import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The intake sends files to the store while they arrive (ADR 0019): whatever part order a client uses, and however a
 * request ends, only a committed application keeps objects, and no incomplete multipart upload is left behind.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class IntakeStreamingTest {

    private static final int MIB = 1024 * 1024;
    private static final String BOUNDARY = "ats-streaming-test";

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    @Inject
    MinioObjectStore minio;

    @Test
    void takesTheFilesBeforeTheApplicationPartToo() throws Exception {
        Path cv = SampleFiles.text(6 * MIB); // more than one part
        given().contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(body(part("cv", "cv.txt", Files.readAllBytes(cv)), part("application", null, json())))
                .post(Intake.PATH)
                .then()
                .statusCode(201);
    }

    @Test
    void aRefusalAfterALargeFileKeepsNothingAndLeavesNoUploadOpen() throws Exception {
        StoredState before = StoredState.of(entityManager, store);
        Path cv = SampleFiles.text(7 * MIB);
        given().contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(body(
                        part("cv", "cv.txt", Files.readAllBytes(cv)),
                        part("application", null, "{\"not\":\"an application\"}".getBytes(StandardCharsets.UTF_8))))
                .post(Intake.PATH)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
        assertThat(openUploads()).isZero();
    }

    @Test
    void aRequestCutOffInTheMiddleOfAFileKeepsNothing() throws Exception {
        StoredState before = StoredState.of(entityManager, store);
        java.util.Set<Path> earlier = java.util.Set.copyOf(copies()); // a killed test run may have left some
        byte[] head = body(part("application", null, json()));
        head = java.util.Arrays.copyOf(head, head.length - ("--" + BOUNDARY + "--\r\n").length());
        byte[] cvHeader = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] sent = Files.readAllBytes(SampleFiles.text(6 * MIB)); // one full part goes up before the cut
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + Intake.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data;"
                            + " boundary=" + BOUNDARY + "\r\nContent-Length: "
                            + (head.length + cvHeader.length + 9 * MIB)
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(head);
            out.write(cvHeader);
            out.write(sent);
            out.flush();
        }
        // the server receives what was sent, starts the upload (a full part went up), then notices the cut
        Instant started = Instant.now().plus(Duration.ofSeconds(10));
        while (newCopies(earlier).isEmpty()
                && openUploads() == 0
                && Instant.now().isBefore(started)) {
            Thread.sleep(20);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while ((!StoredState.of(entityManager, store).equals(before)
                        || openUploads() > 0
                        || !newCopies(earlier).isEmpty())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
        assertThat(openUploads()).isZero();
        assertThat(newCopies(earlier)).as("local copies of received parts").isEmpty();
    }

    @Test
    void takesAFileNameWithANulByte() throws Exception {
        given().contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(body(
                        part("application", null, json()),
                        part("cv", "cv\u0000.txt", "a plain text CV".getBytes(StandardCharsets.UTF_8))))
                .post(Intake.PATH)
                .then()
                .statusCode(201);
    }

    /**
     * Slow senders hold a worker thread each while their body arrives: past the limit the next waits a while
     * ({@code ats.intake.upload-slot-wait}, a second in tests) and is refused when no slot frees.
     */
    @Test
    void refusesAnIntakeBeyondTheUploadsWhenNoSlotFreesAndStaysAvailable() throws Exception {
        int limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("ats.intake.max-concurrent-uploads", Integer.class);
        java.util.List<Socket> slow = new java.util.ArrayList<>();
        try {
            // from as many addresses as slots: one address may hold only a few of them (SlowBodyTest); and well
            // within the ten seconds after which a body this slow is cut off
            for (int i = 0; i < limit; i++) {
                Socket socket = new Socket("127.0.0.1", RestAssured.port);
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + Intake.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 192.0.2." + (i + 1)
                                + "\r\nContent-Type: multipart/form-data;"
                                + " boundary=" + BOUNDARY + "\r\nContent-Length: 100000\r\n\r\n--" + BOUNDARY
                                + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n\r\nslow")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30)); // until every slow one holds its worker
            int status;
            do {
                Thread.sleep(200);
                status = given().header("X-Forwarded-For", "192.0.2.200")
                        .contentType("multipart/form-data; boundary=" + BOUNDARY)
                        .body(body(part("application", null, json())))
                        .post(Intake.PATH)
                        .then()
                        .extract()
                        .statusCode();
            } while (status != 503 && Instant.now().isBefore(deadline));
            assertThat(status).isEqualTo(503);
            given().header("X-Forwarded-For", "192.0.2.201")
                    .contentType("multipart/form-data; boundary=" + BOUNDARY)
                    .body(body(part("application", null, json())))
                    .post(Intake.PATH)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5");
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** A burst beyond the slots is answered: an intake waits for a slot that frees within the configured wait. */
    @Test
    void anIntakeBeyondTheUploadsWaitsForASlotThatFrees() throws Exception {
        int limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("ats.intake.max-concurrent-uploads", Integer.class);
        java.util.List<Socket> slow = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                slow.add(slowSender("192.0.2." + (i + 1)));
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30)); // until every slow one holds its slot
            int status;
            do {
                Thread.sleep(200);
                status = given().header("X-Forwarded-For", "192.0.2.210")
                        .contentType("multipart/form-data; boundary=" + BOUNDARY)
                        .body(body(part("application", null, json())))
                        .post(Intake.PATH)
                        .then()
                        .extract()
                        .statusCode();
            } while (status != 503 && Instant.now().isBefore(deadline));
            assertThat(status).as("every slot is held").isEqualTo(503);

            var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> given().header(
                            "X-Forwarded-For", "192.0.2.211")
                    .contentType("multipart/form-data; boundary=" + BOUNDARY)
                    .body(body(
                            part("application", null, json()),
                            part("cv", "cv.txt", "a plain text CV".getBytes(StandardCharsets.UTF_8))))
                    .post(Intake.PATH)
                    .then()
                    .extract()
                    .statusCode());
            Thread.sleep(300);
            assertThat(waiting)
                    .as("still waiting for a slot, neither taken nor refused")
                    .isNotDone();
            // one waiting intake per address: a second from the same one is refused without waiting
            given().header("X-Forwarded-For", "192.0.2.211")
                    .contentType("multipart/form-data; boundary=" + BOUNDARY)
                    .body(body(part("application", null, json())))
                    .post(Intake.PATH)
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "5");
            assertThat(waiting).as("the first still waits: the second did not").isNotDone();
            slow.removeFirst().close(); // one slow sender gives up: its slot frees
            assertThat(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** A sender that begins a body of 100,000 bytes and sends no more. */
    private static Socket slowSender(String address) throws java.io.IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + Intake.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: " + address
                        + "\r\nContent-Type: multipart/form-data;"
                        + " boundary=" + BOUNDARY + "\r\nContent-Length: 100000\r\n\r\n--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n\r\nslow")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void refusesABodyOfTooManyParts() {
        StoredState before = StoredState.of(entityManager, store);
        byte[][] parts = new byte[150][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part("p" + i, null, new byte[] {'x'});
        }
        given().contentType("multipart/form-data; boundary=" + BOUNDARY)
                .body(body(parts))
                .post(Intake.PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:malformed-request"));
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
    }

    private static java.util.List<Path> newCopies(java.util.Set<Path> earlier) throws java.io.IOException {
        return copies().stream().filter(f -> !earlier.contains(f)).toList();
    }

    /** The local copies of parts being received (IntakeReceiver). */
    private static java.util.List<Path> copies() throws java.io.IOException {
        Path directory = Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.body.uploads-directory", String.class));
        if (!Files.isDirectory(directory)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("intake-"))
                    .toList();
        }
    }

    /** Incomplete uploads under applications/. */
    private int openUploads() {
        return minio.incompleteUploads(ObjectKeys.APPLICATIONS);
    }

    private static byte[] json() {
        return Intake.json(Intake.form()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] part(String name, String fileName, byte[] content) {
        String header = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n";
        byte[] head = header.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + content.length + 2];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    private static byte[] body(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
