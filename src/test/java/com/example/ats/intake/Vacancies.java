package com.example.ats.intake;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** Vacancies written straight into the database, for intake tests that need one open or closed. */
final class Vacancies {

    private Vacancies() {}

    static UUID open(EntityManager entityManager) {
        return insert(entityManager, "OPEN");
    }

    static UUID closed(EntityManager entityManager) {
        return insert(entityManager, "CLOSED");
    }

    private static UUID insert(EntityManager entityManager, String status) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("insert into vacancy (id, title, status, created_at, updated_at)"
                                + " values (?1, 'Backend engineer', ?2, ?3, ?3)")
                        .setParameter(1, id)
                        .setParameter(2, status)
                        .setParameter(3, Instant.now())
                        .executeUpdate());
        return id;
    }
}
