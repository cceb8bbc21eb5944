package com.example.ats.purge;

import com.example.ats.application.Application;
import com.example.ats.retention.PurgeRules;
import com.example.ats.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applications as the purge, an erasure and the replay after a restore remove them: the rows they read first, the
 * object keys of their documents, and the deletion of the rows. All in the caller's transaction.
 */
@ApplicationScoped
class RemovableApplicationRepository {

    private final EntityManager entityManager;

    RemovableApplicationRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** An application about to be removed: what its purge record keeps of it. */
    record Removable(UUID id, Instant expiresAt, String policyVersion) {}

    /** One document of an application, by the key of its object in the store. */
    record DocumentKey(UUID applicationId, String objectKey) {}

    /** An application as a restored backup holds it, with whether a legal hold is in force. */
    record Restored(UUID id, Instant appliedAt, Instant expiresAt, boolean held) {}

    /** These applications (locked by the work queue), in expiry order. */
    List<Removable> inExpiryOrder(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select id, expires_at, policy_version from application where id in (:ids)"
                        + " order by expires_at, id")
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream().map(RemovableApplicationRepository::removable).toList();
    }

    /** Locks the application's row, waiting for a purge batch that holds it; empty when it is gone. */
    Optional<Removable> lockForErasure(UUID applicationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select id, expires_at, policy_version from application where id = ?1 for update")
                .setParameter(1, applicationId)
                .getResultList();
        return rows.stream().map(RemovableApplicationRepository::removable).findFirst();
    }

    private static Removable removable(Object[] row) {
        return new Removable((UUID) row[0], SqlValues.instant(row[1]), (String) row[2]);
    }

    /** Every object of these applications' documents: the object, and a plaintext one still to be deleted. */
    private static final String OBJECTS_OF = "select application_id, object_key from document where application_id"
            + " in (?1) union all select application_id, plain_object_key from document where application_id in (?1)"
            + " and plain_object_key is not null";

    /** The objects of these applications' documents. */
    List<DocumentKey> documentsOf(List<UUID> applicationIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(OBJECTS_OF)
                .setParameter(1, applicationIds)
                .getResultList();
        return rows.stream()
                .map(row -> new DocumentKey((UUID) row[0], (String) row[1]))
                .toList();
    }

    /** Those of these applications that have a file stored in clear, and those that have an encrypted one. */
    record FilesByEncryption(java.util.Set<UUID> inClear, java.util.Set<UUID> encrypted) {}

    FilesByEncryption filesByEncryption(List<UUID> applicationIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select application_id, bool_or(not encrypted), bool_or(encrypted) from document"
                        + " where application_id in (?1) group by application_id")
                .setParameter(1, applicationIds)
                .getResultList();
        java.util.Set<UUID> inClear = new java.util.HashSet<>();
        java.util.Set<UUID> encrypted = new java.util.HashSet<>();
        for (Object[] row : rows) {
            if ((Boolean) row[1]) {
                inClear.add((UUID) row[0]);
            }
            if ((Boolean) row[2]) {
                encrypted.add((UUID) row[0]);
            }
        }
        return new FilesByEncryption(inClear, encrypted);
    }

    /** The object keys of these applications' documents. */
    List<String> objectKeysOf(List<UUID> applicationIds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(OBJECTS_OF)
                .setParameter(1, applicationIds)
                .getResultList();
        return rows.stream().map(row -> (String) row[1]).toList();
    }

    /** Those of these applications that a restored backup holds, with whether a hold is in force at {@code now}. */
    List<Restored> restored(List<UUID> ids, Instant now) {
        return restored(ids, now, "");
    }

    /** As {@link #restored(List, Instant)}, locking the rows until the transaction ends. */
    List<Restored> restoredForUpdate(List<UUID> ids, Instant now) {
        return restored(ids, now, " for update");
    }

    private List<Restored> restored(List<UUID> ids, Instant now, String lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select a.id, a.applied_at, a.expires_at, " + PurgeRules.holdInForce("a", ":now")
                        + " from application a where a.id in (:ids)" + lock)
                .setParameter("now", now)
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream().map(RemovableApplicationRepository::restoredOf).toList();
    }

    private static Restored restoredOf(Object[] row) {
        boolean held = Boolean.TRUE.equals(row[3]);
        return new Restored((UUID) row[0], SqlValues.instant(row[1]), SqlValues.instant(row[2]), held);
    }

    /** Deletes the rows of these applications (their children go by cascade) and their idempotency keys. */
    void delete(List<UUID> applicationIds) {
        entityManager
                .createNativeQuery("delete from idempotency_key where application_id in (?1)")
                .setParameter(1, applicationIds)
                .executeUpdate();
        entityManager
                .createNativeQuery("delete from application where id in (?1)")
                .setParameter(1, applicationIds)
                .executeUpdate();
    }

    /** Stops managing an application loaded in this transaction: its row is about to be deleted by SQL. */
    void detach(Application application) {
        entityManager.detach(application);
    }
}
