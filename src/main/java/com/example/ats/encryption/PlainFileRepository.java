package com.example.ats.encryption;

import com.example.ats.work.WorkTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The documents stored before encryption, as the migration job sees them. */
@ApplicationScoped
class PlainFileRepository {

    /**
     * Documents whose object is still in clear, oldest first, under the job's lease. After the switch, {@code
     * seal_retry_at} says when the plaintext object may be deleted.
     */
    static final WorkTable PLAIN = new WorkTable(
            "document", "not w.encrypted", "w.created_at, w.id", "seal_leased_until", "seal_attempts", "seal_retry_at");

    /** A document to encrypt: where it is, and what the intake recorded of it. */
    record Plain(StoredFile file, long size, String sha256) {}

    /** A plaintext object whose document now reads an encrypted one: to be deleted. */
    record Leftover(UUID documentId, String objectKey) {}

    private final EntityManager entityManager;

    PlainFileRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    Map<UUID, Plain> load(List<UUID> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select id, application_id, object_key, size_bytes, sha256 from document"
                        + " where id in (:ids) and not encrypted")
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream()
                .collect(Collectors.toMap(
                        row -> (UUID) row[0],
                        row -> new Plain(
                                new StoredFile((UUID) row[1], (UUID) row[0], (String) row[2], false),
                                ((Number) row[3]).longValue(),
                                (String) row[4])));
    }

    /**
     * Points the document at its encrypted object, keeping the plaintext one's key to delete from {@code deleteFrom}
     * on, if it is still the plaintext document read (not erased, not migrated by another replica meanwhile); whether
     * it was.
     */
    boolean encrypted(UUID documentId, String plainKey, String encryptedKey, Instant deleteFrom) {
        return entityManager
                        .createNativeQuery("update document set object_key = :encrypted, encrypted = true,"
                                + " plain_object_key = :plain, seal_retry_at = :deleteFrom"
                                + " where id = :id and not encrypted and object_key = :plain")
                        .setParameter("encrypted", encryptedKey)
                        .setParameter("plain", plainKey)
                        .setParameter("deleteFrom", deleteFrom)
                        .setParameter("id", documentId)
                        .executeUpdate()
                == 1;
    }

    /** Plaintext objects whose documents read encrypted ones, and whose time to be deleted has come. */
    List<Leftover> leftovers(int limit, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select id, plain_object_key from document where plain_object_key is not null"
                        + " and (seal_retry_at is null or seal_retry_at <= :now) order by id limit :limit")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> new Leftover((UUID) row[0], (String) row[1]))
                .toList();
    }

    /** The plaintext objects of these documents are deleted. */
    void deleted(Collection<UUID> documentIds) {
        entityManager
                .createNativeQuery("update document set plain_object_key = null where id in (:ids)")
                .setParameter("ids", documentIds)
                .executeUpdate();
    }

    long countPlain() {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from document where not encrypted")
                        .getSingleResult())
                .longValue();
    }
}
