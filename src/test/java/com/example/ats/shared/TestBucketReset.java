package com.example.ats.shared;

import com.example.ats.storage.ObjectStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tests start from an empty schema (Flyway cleans it at start); this empties the test bucket's application files
 * with it, so the object store and the database start out consistent with each other in every test run.
 */
@ApplicationScoped
class TestBucketReset {

    void reset(@Observes StartupEvent start, ObjectStore store) {
        List<String> keys;
        try (Stream<String> all = store.keysOlderThan("applications/", Instant.parse("9999-01-01T00:00:00Z"))) {
            keys = all.toList();
        }
        store.delete(keys);
    }
}
