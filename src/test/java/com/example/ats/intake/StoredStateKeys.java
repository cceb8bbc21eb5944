package com.example.ats.intake;

import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The application files in the bucket, whatever their age. */
final class StoredStateKeys {

    private StoredStateKeys() {}

    static List<String> all(ObjectStore store) {
        try (Stream<String> keys =
                store.keysOlderThan(ObjectKeys.APPLICATIONS, Instant.parse("9999-01-01T00:00:00Z"))) {
            return keys.toList();
        }
    }
}
