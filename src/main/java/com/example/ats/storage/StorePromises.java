package com.example.ats.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Checks at start, with two probe objects of random bytes, that the S3 store keeps what the service builds on: it
 * stores a file uploaded the way the intake uploads one and gives it back unchanged, refuses an upload whose checksum
 * does not match, encrypts at rest when that is configured, and a multi-object delete really removes, no version
 * left behind (docs/adr/0016).
 * Versioning is checked before, with the bucket ({@link MinioObjectStore#ensureBucket()}).
 */
final class StorePromises {

    /** Outside {@link ObjectKeys#APPLICATIONS}: no sweep or purge ever lists it. */
    static final String PREFIX = "ats-store-check/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private StorePromises() {}

    /**
     * @throws IllegalStateException naming the promise the store cannot keep
     * @throws ObjectStoreUnavailableException when the store cannot be reached
     */
    static void verify(StoreProbe store, boolean encryptionConfigured) {
        sweepLeftovers(store);
        String stored = PREFIX + UUID.randomUUID();
        String damaged = PREFIX + UUID.randomUUID();
        byte[] content = new byte[1024];
        RANDOM.nextBytes(content);
        try {
            putAsTheIntakeDoes(store, stored, content);
            if (!Arrays.equals(read(store, stored), content)) {
                throw refused("it gave back other bytes than it was sent");
            }
            if (encryptionConfigured && !store.storedEncrypted(stored)) {
                throw refused("it stored a file unencrypted although ATS_STORAGE_ENCRYPTION=sse-s3 set the bucket's"
                        + " default encryption");
            }
            if (store.keepsUploadWithWrongChecksum(damaged, content)) {
                throw refused("it kept an upload whose CRC32 checksum did not match: a file damaged on the way"
                        + " would be stored as if whole");
            }
            try {
                store.delete(List.of(stored, damaged));
            } catch (ObjectsNotDeletedException e) {
                throw refused("it refused a multi-object delete (" + e.getMessage() + ")");
            }
            if (store.exists(stored) || store.keepsVersionsOf(stored)) {
                throw refused("a multi-object delete answered success but the object, or a version of it, is still"
                        + " there: applicants' files would outlive their retention");
            }
        } finally {
            cleanUp(store, stored, damaged);
        }
    }

    /** Probes a crash left behind: random bytes, removed after an hour so a start running now keeps its own. */
    private static void sweepLeftovers(StoreProbe store) {
        try (Stream<String> old = store.keysOlderThan(PREFIX, Instant.now().minus(Duration.ofHours(1)))) {
            List<String> keys = old.toList();
            if (!keys.isEmpty()) {
                store.delete(keys);
            }
        } catch (RuntimeException ignored) {
            // the check itself says whether the store answers
        }
    }

    private static void putAsTheIntakeDoes(StoreProbe store, String key, byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("ats-store-check", ".bin");
            Files.write(file, content);
            store.putFile(key, file, "application/octet-stream", Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of random bytes
                }
            }
        }
    }

    private static byte[] read(StoreProbe store, String key) {
        try (InputStream in = store.get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    private static void cleanUp(StoreProbe store, String... keys) {
        try {
            store.delete(List.of(keys));
        } catch (RuntimeException ignored) {
            // The check's own failure says more; the probes hold random bytes only.
        }
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("The object store cannot keep the service's promises: " + why
                + ". Use an S3 store that does (docs/OPERATIONS.md, S3 servers)");
    }
}
