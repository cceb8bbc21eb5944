package com.example.ats.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The start-up check against stores that each break one promise. The stores here are fakes, in memory, of this one
 * class's collaborator; the real servers pass it in {@link MinioObjectStoreTest} (MinIO and SeaweedFS).
 */
class StorePromisesTest {

    @Test
    void aStoreKeepingEveryPromisePassesAndKeepsNoProbe() {
        FakeStore store = new FakeStore();

        assertThatCode(() -> StorePromises.verify(store, true)).doesNotThrowAnyException();

        assertThat(store.objects).isEmpty();
    }

    @Test
    void aStoreKeepingAnUploadWithAWrongChecksumIsRefused() {
        FakeStore store = new FakeStore();
        store.checksChecksums = false;

        assertThatThrownBy(() -> StorePromises.verify(store, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CRC32");
        assertThat(store.objects).isEmpty();
    }

    @Test
    void aStoreWhoseDeleteLeavesTheObjectIsRefused() {
        FakeStore store = new FakeStore();
        store.deletes = false;

        assertThatThrownBy(() -> StorePromises.verify(store, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delete");
    }

    @Test
    void aStoreRefusingTheDeleteIsRefused() {
        FakeStore store = new FakeStore();
        store.refusesDeletes = true;

        assertThatThrownBy(() -> StorePromises.verify(store, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refused a multi-object delete");
    }

    @Test
    void aStoreKeepingAVersionOfADeletedObjectIsRefused() {
        FakeStore store = new FakeStore();
        store.keepsVersions = true;

        assertThatThrownBy(() -> StorePromises.verify(store, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version of it");
    }

    @Test
    void probesACrashLeftBehindGoAfterAnHourOnly() {
        FakeStore store = new FakeStore();
        store.objects.put(StorePromises.PREFIX + "left-by-a-crash", new byte[] {1});
        store.modified.put(
                StorePromises.PREFIX + "left-by-a-crash", Instant.now().minus(Duration.ofHours(2)));
        store.objects.put(StorePromises.PREFIX + "another-start-checking-now", new byte[] {2});
        store.modified.put(StorePromises.PREFIX + "another-start-checking-now", Instant.now());

        StorePromises.verify(store, false);

        assertThat(store.objects).containsOnlyKeys(StorePromises.PREFIX + "another-start-checking-now");
    }

    @Test
    void aStoreGivingBackOtherBytesIsRefused() {
        FakeStore store = new FakeStore();
        store.damagesReads = true;

        assertThatThrownBy(() -> StorePromises.verify(store, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other bytes");
        assertThat(store.objects).isEmpty();
    }

    @Test
    void anUnencryptedStoreIsRefusedOnlyWhenEncryptionIsConfigured() {
        FakeStore store = new FakeStore();
        store.encrypts = false;

        assertThatCode(() -> StorePromises.verify(store, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> StorePromises.verify(store, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unencrypted");
        assertThat(store.objects).isEmpty();
    }

    @Test
    void anUnreachableStoreIsUnavailableNotRefused() {
        FakeStore store = new FakeStore();
        store.reachable = false;

        assertThatThrownBy(() -> StorePromises.verify(store, false))
                .isInstanceOf(ObjectStoreUnavailableException.class);
    }

    /** An S3 store in memory whose faults are switched on one at a time. */
    private static final class FakeStore implements StoreProbe {

        @Override
        public int abortIncompleteUploads(String prefix, java.time.Instant startedBefore) {
            return 0;
        }

        final Map<String, byte[]> objects = new HashMap<>();
        final Map<String, Instant> modified = new HashMap<>();
        boolean checksChecksums = true;
        boolean deletes = true;
        boolean refusesDeletes;
        boolean keepsVersions;
        boolean damagesReads;
        boolean encrypts = true;
        boolean reachable = true;

        private void answer() {
            if (!reachable) {
                throw new ObjectStoreUnavailableException(new IOException("connection refused"));
            }
        }

        @Override
        public boolean keepsUploadWithWrongChecksum(String key, byte[] content) {
            answer();
            if (checksChecksums) {
                return false;
            }
            objects.put(key, content.clone());
            return true;
        }

        @Override
        public boolean keepsVersionsOf(String key) {
            answer();
            return keepsVersions;
        }

        @Override
        public boolean storedEncrypted(String key) {
            answer();
            return encrypts;
        }

        @Override
        public void put(String key, InputStream content, long size, String mediaType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putFile(String key, Path file, String mediaType, Map<String, String> metadata) {
            answer();
            try {
                objects.put(key, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream get(String key) {
            answer();
            byte[] bytes = objects.get(key).clone();
            if (damagesReads) {
                bytes[0] ^= 1;
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean exists(String key) {
            answer();
            return objects.containsKey(key);
        }

        @Override
        public int delete(Collection<String> keys) {
            answer();
            if (refusesDeletes) {
                throw new ObjectsNotDeletedException(Set.copyOf(keys), "AccessDenied");
            }
            if (deletes) {
                keys.forEach(objects::remove);
            }
            return keys.size();
        }

        @Override
        public Stream<String> keysOlderThan(String prefix, Instant olderThan) {
            answer();
            return objects.keySet().stream()
                    .filter(key -> key.startsWith(prefix))
                    .filter(key -> modified.getOrDefault(key, Instant.now()).isBefore(olderThan))
                    .toList()
                    .stream();
        }

        @Override
        public void ensureBucket() {}

        @Override
        public void ping() {}
    }
}
