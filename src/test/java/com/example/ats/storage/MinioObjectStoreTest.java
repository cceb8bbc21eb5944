package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The MinIO adapter against the real MinIO of bin/stack. */
@QuarkusTest
class MinioObjectStoreTest {

    @Inject
    ObjectStore store;

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
