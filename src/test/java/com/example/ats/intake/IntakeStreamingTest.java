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
        assertThat(minio.incompleteUploads(ObjectKeys.APPLICATIONS)).isZero();
    }

    @Test
    void aRequestCutOffInTheMiddleOfAFileKeepsNothing() throws Exception {
        StoredState before = StoredState.of(entityManager, store);
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
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60)); // the server notices the cut when it reads on
        while ((!StoredState.of(entityManager, store).equals(before)
                        || minio.incompleteUploads(ObjectKeys.APPLICATIONS) > 0)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
        assertThat(minio.incompleteUploads(ObjectKeys.APPLICATIONS)).isZero();
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
