package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The MinIO SDK adapter against the real store of bin/stack: MinIO, or SeaweedFS with ATS_STACK_STORE=seaweedfs. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class MinioObjectStoreTest {

    @Inject
    ObjectStore store;

    @Inject
    MinioObjectStore minio;

    @Test
    void storesReadsListsAndDeletesObjects() throws Exception {
        String prefix = "test-" + UUID.randomUUID() + "/";
        byte[] bytes = "hello, object store".getBytes(StandardCharsets.UTF_8);
        store.put(prefix + "a", new ByteArrayInputStream(bytes), bytes.length, "text/plain");
        store.put(prefix + "b", new ByteArrayInputStream(bytes), -1, "text/plain");

        assertThat(store.exists(prefix + "a")).isTrue();
        try (InputStream in = store.get(prefix + "a")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.keysOlderThan(prefix, Instant.now().plusSeconds(60)))
                .containsExactlyInAnyOrder(prefix + "a", prefix + "b");
        assertThat(store.keysOlderThan(prefix, Instant.now().minusSeconds(3600)))
                .isEmpty();

        store.delete(List.of(prefix + "a", prefix + "b", prefix + "never-existed"));
        assertThat(store.exists(prefix + "a")).isFalse();
        assertThat(store.keysOlderThan(prefix, Instant.now().plusSeconds(60))).isEmpty();
    }

    @Test
    void uploadsAFileWhileItGrowsPartByPart() throws Exception {
        String key = "test-" + UUID.randomUUID() + "/grown";
        byte[] bytes = new byte[11 * 1024 * 1024 + 123]; // two full parts of 5 MiB and a short last one
        new java.util.Random(7).nextBytes(bytes);
        Path file = Files.createTempFile("ats-upload", ".part");
        try {
            ObjectStore.Upload upload = store.upload(key, file, "application/octet-stream", Map.of("kind", "CV"));
            int written = 0;
            while (written < bytes.length) {
                int n = Math.min(64 * 1024, bytes.length - written);
                Files.write(file, java.util.Arrays.copyOfRange(bytes, written, written + n), StandardOpenOption.APPEND);
                written += n;
                upload.arrived(written);
            }
            upload.finish(bytes.length);
            try (InputStream in = store.get(key)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        } finally {
            Files.deleteIfExists(file);
            store.delete(List.of(key));
        }
    }

    @Test
    void anAbortedUploadKeepsNothing() throws Exception {
        String key = "test-" + UUID.randomUUID() + "/aborted";
        byte[] bytes = new byte[6 * 1024 * 1024];
        Path file = Files.createTempFile("ats-upload", ".part");
        try {
            Files.write(file, bytes);
            ObjectStore.Upload upload = store.upload(key, file, "application/octet-stream", Map.of());
            upload.arrived(bytes.length); // one full part is sent
            upload.abort();
            assertThat(store.exists(key)).isFalse();
            assertThat(minio.incompleteUploads(key)).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void anUploadADeadReplicaLeftIncompleteIsAbortedOnceOlderThanTheGrace() throws Exception {
        String key = "test-" + UUID.randomUUID() + "/left";
        byte[] bytes = new byte[6 * 1024 * 1024];
        Path file = Files.createTempFile("ats-upload", ".part");
        try {
            Files.write(file, bytes);
            ObjectStore.Upload upload = store.upload(key, file, "application/octet-stream", Map.of());
            upload.arrived(bytes.length); // one full part is sent, and then the replica dies: no finish, no abort
            assertThat(minio.incompleteUploads(key)).isEqualTo(1);

            assertThat(store.abortIncompleteUploads(key, Instant.now().minus(Duration.ofHours(1))))
                    .as("younger than the grace: it may still be going on")
                    .isZero();
            assertThat(minio.incompleteUploads(key)).isEqualTo(1);

            assertThat(store.abortIncompleteUploads(key, Instant.now().plusSeconds(60)))
                    .isEqualTo(1);
            assertThat(minio.incompleteUploads(key)).isZero();
            assertThat(store.exists(key)).isFalse();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void theTestsRunOnTheServerTheRunNames() throws Exception {
        String endpoint = ConfigProvider.getConfig().getValue("ats.storage.endpoint", String.class);
        HttpResponse<Void> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(answer.headers().firstValue("Server"))
                .hasValueSatisfying(
                        server -> assertThat(server).startsWith(StoreUnderTest.seaweedfs() ? "SeaweedFS" : "MinIO"));
    }

    @Test
    void theStoreOfThisRunKeepsThePromisesTheStartChecksAndNoProbeStays() {
        StoreProbe probe = (StoreProbe) store;
        List<String> before = store.keys(StorePromises.PREFIX).toList();

        StorePromises.verify(probe, false);

        String wrong = StorePromises.PREFIX + "wrong-" + UUID.randomUUID();
        assertThat(probe.keepsUploadWithWrongChecksum(wrong, new byte[] {1, 2, 3}))
                .isFalse();
        assertThat(probe.keepsVersionsOf(wrong)).isFalse();
        assertThat(store.keys(StorePromises.PREFIX)).isSubsetOf(before);
    }

    @Test
    void uploadsAFileFromDisk() throws Exception {
        Path file = Files.createTempFile("ats-test", ".txt");
        byte[] bytes = "a file on disk".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        String key = "test-" + UUID.randomUUID() + "/file";
        try {
            store.putFile(key, file, "text/plain", Map.of("kind", "test"));

            try (InputStream in = store.get(key)) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        } finally {
            store.delete(List.of(key));
            Files.delete(file);
        }
    }
}
