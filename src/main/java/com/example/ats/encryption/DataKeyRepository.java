package com.example.ats.encryption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The wrapped data keys, one per application whose files are encrypted. */
@ApplicationScoped
class DataKeyRepository {

    /** A data key as stored: wrapped by the key-encryption key {@code kekId}. */
    record Wrapped(UUID applicationId, String kekId, byte[] wrapped) {}

    private final EntityManager entityManager;

    DataKeyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Stores a key unless the application has one; whether this one was stored. */
    boolean insert(Wrapped key, Instant at) {
        return entityManager
                        .createNativeQuery("insert into application_key (application_id, kek_id, wrapped, created_at)"
                                + " values (:id, :kek, :wrapped, :at) on conflict (application_id) do nothing")
                        .setParameter("id", key.applicationId())
                        .setParameter("kek", key.kekId())
                        .setParameter("wrapped", key.wrapped())
                        .setParameter("at", at)
                        .executeUpdate()
                == 1;
    }

    /**
     * Stores a key for files stored before encryption, unless the application has one, or had one that was destroyed
     * (it has encrypted files, or its purge has begun): a destroyed key is never replaced.
     */
    void insertForClearFiles(Wrapped key, Instant at) {
        entityManager
                .createNativeQuery("insert into application_key (application_id, kek_id, wrapped, created_at)"
                        + " select :id, :kek, :wrapped, :at where exists (select 1 from application a where a.id = :id"
                        + " and a.purge_attempts = 0) and not exists (select 1 from document d where"
                        + " d.application_id = :id and d.encrypted) on conflict (application_id) do nothing")
                .setParameter("id", key.applicationId())
                .setParameter("kek", key.kekId())
                .setParameter("wrapped", key.wrapped())
                .setParameter("at", at)
                .executeUpdate();
    }

    Optional<Wrapped> find(UUID applicationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select kek_id, wrapped from application_key where application_id = :id")
                .setParameter("id", applicationId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Wrapped(applicationId, (String) row[0], (byte[]) row[1]));
    }

    /** Deletes the keys of these applications; returns the applications whose key was deleted. */
    List<UUID> delete(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> deleted = entityManager
                .createNativeQuery(
                        "delete from application_key where application_id in (:ids) returning application_id",
                        UUID.class)
                .setParameter("ids", applicationIds)
                .getResultList();
        return deleted;
    }

    /** Up to {@code limit} keys wrapped by one of {@code kekIds}. */
    List<Wrapped> wrappedByAnyOf(Collection<String> kekIds, int limit) {
        if (kekIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select application_id, kek_id, wrapped from application_key where kek_id in (:keks)"
                        + " order by application_id limit :limit")
                .setParameter("keks", kekIds)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Wrapped((UUID) row[0], (String) row[1], (byte[]) row[2]))
                .toList();
    }

    /** Replaces a wrapped key if it is still the one read (another replica may have moved it); whether it was. */
    boolean replace(Wrapped read, Wrapped moved) {
        return entityManager
                        .createNativeQuery("update application_key set kek_id = :kek, wrapped = :wrapped"
                                + " where application_id = :id and kek_id = :oldKek and wrapped = :old")
                        .setParameter("kek", moved.kekId())
                        .setParameter("wrapped", moved.wrapped())
                        .setParameter("id", read.applicationId())
                        .setParameter("oldKek", read.kekId())
                        .setParameter("old", read.wrapped())
                        .executeUpdate()
                == 1;
    }

    /** How many keys each key-encryption key wraps. */
    java.util.Map<String, Long> countByKek() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select kek_id, count(*) from application_key group by kek_id")
                .getResultList();
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
