package com.example.ats.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The mailed single-use links ({@code sign_in_link}), found by their token's SHA-256: sign-in links have no
 * {@code new_email}, address links name the address they confirm. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class SignInLinkRepository {

    private final EntityManager entityManager;

    SignInLinkRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The address an address link confirms, and its application. */
    record LinkedAddress(UUID applicationId, String newEmail) {}

    /** Deletes the used and the expired links, of both kinds. */
    void deleteDead(Instant now) {
        entityManager
                .createNativeQuery("delete from sign_in_link where valid_until < ?1 or used_at is not null")
                .setParameter(1, now)
                .executeUpdate();
    }

    /** Inserts a sign-in link (an address link once {@link #setNewEmail} gave it its address). */
    void insert(UUID id, UUID applicationId, byte[] tokenSha256, Instant createdAt, Instant validUntil) {
        entityManager
                .createNativeQuery(
                        "insert into sign_in_link (id, application_id, token_sha256, created_at, valid_until)"
                                + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id)
                .setParameter(2, applicationId)
                .setParameter(3, tokenSha256)
                .setParameter(4, createdAt)
                .setParameter(5, validUntil)
                .executeUpdate();
    }

    /** Deletes the application's address links, used or not. */
    void deleteAddressLinks(UUID applicationId) {
        entityManager
                .createNativeQuery("delete from sign_in_link where application_id = ?1 and new_email is not null")
                .setParameter(1, applicationId)
                .executeUpdate();
    }

    /** Makes the link an address link, confirming {@code newEmail}. */
    void setNewEmail(UUID id, String newEmail) {
        entityManager
                .createNativeQuery("update sign_in_link set new_email = ?1 where id = ?2")
                .setParameter(1, newEmail)
                .setParameter(2, id)
                .executeUpdate();
    }

    /** Marks the address link with this token used, if it is unused and valid: what it confirms. */
    Optional<LinkedAddress> useAddressLink(byte[] tokenSha256, Instant now) {
        return linkedAddress(
                "update sign_in_link set used_at = ?1 where token_sha256 = ?2 and new_email is not null"
                        + " and used_at is null and valid_until > ?1 returning application_id, new_email",
                tokenSha256,
                now);
    }

    /** What the address link with this token confirms, if it is unused and valid; it stays unused. */
    Optional<LinkedAddress> peekAddressLink(byte[] tokenSha256, Instant now) {
        return linkedAddress(
                "select application_id, new_email from sign_in_link where token_sha256 = ?2 and new_email is not null"
                        + " and used_at is null and valid_until > ?1",
                tokenSha256,
                now);
    }

    /** The address the application's unused and valid address link confirms. */
    Optional<String> pendingAddress(UUID applicationId, Instant now) {
        @SuppressWarnings("unchecked")
        List<String> pending = entityManager
                .createNativeQuery("select new_email from sign_in_link where application_id = ?1"
                        + " and new_email is not null and used_at is null and valid_until > ?2")
                .setParameter(1, applicationId)
                .setParameter(2, now)
                .getResultList();
        return pending.stream().findFirst();
    }

    /** Deletes the application's sign-in links, used or not; its address links stay. */
    void deleteSignInLinks(UUID applicationId) {
        entityManager
                .createNativeQuery("delete from sign_in_link where application_id = ?1 and new_email is null")
                .setParameter(1, applicationId)
                .executeUpdate();
    }

    /** Marks the sign-in link with this token used, if it is unused and valid: the application it opens. */
    Optional<UUID> use(byte[] tokenSha256, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> opened = entityManager
                .createNativeQuery("update sign_in_link set used_at = ?1 where token_sha256 = ?2"
                        + " and new_email is null and used_at is null and valid_until > ?1"
                        + " returning application_id")
                .setParameter(1, now)
                .setParameter(2, tokenSha256)
                .getResultList();
        return opened.stream().findFirst();
    }

    /** The application the sign-in link with this token opens, if it is unused and valid; it stays unused. */
    Optional<UUID> peek(byte[] tokenSha256, Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> found = entityManager
                .createNativeQuery("select application_id from sign_in_link where token_sha256 = ?1"
                        + " and new_email is null and used_at is null and valid_until > ?2")
                .setParameter(1, tokenSha256)
                .setParameter(2, now)
                .getResultList();
        return found.stream().findFirst();
    }

    /** Whether the link (of either kind) is unused and valid. */
    boolean isOpen(UUID linkId, Instant now) {
        List<?> open = entityManager
                .createNativeQuery("select 1 from sign_in_link where id = ?1 and used_at is null and valid_until > ?2")
                .setParameter(1, linkId)
                .setParameter(2, now)
                .getResultList();
        return !open.isEmpty();
    }

    private Optional<LinkedAddress> linkedAddress(String sql, byte[] tokenSha256, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager
                .createNativeQuery(sql, Object[].class)
                .setParameter(1, now)
                .setParameter(2, tokenSha256)
                .getResultList();
        return found.stream().findFirst().map(row -> new LinkedAddress((UUID) row[0], (String) row[1]));
    }
}
