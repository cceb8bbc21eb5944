package com.example.ats.intake;

import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the database and the object store hold of applications: compared before and after a refused request. */
record StoredState(Map<String, Long> rows, Set<String> objects) {

    private static final List<String> TABLES =
            List.of("application", "applicant", "document", "consent_event", "status_change", "idempotency_key");
    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

    static StoredState of(EntityManager entityManager, ObjectStore store) {
        Map<String, Long> rows = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                Number count = (Number) entityManager
                        .createNativeQuery("select count(*) from " + table)
                        .getSingleResult();
                counts.put(table, count.longValue());
            }
            return counts;
        });
        try (Stream<String> keys = store.keysOlderThan(ObjectKeys.APPLICATIONS, FAR_FUTURE)) {
            return new StoredState(rows, keys.collect(Collectors.toSet()));
        }
    }
}
