package com.example.ats.applicant;

import com.example.ats.application.AccessTokens;
import com.example.ats.export.AddressesToConfirm;
import com.example.ats.mail.SignInLinkCheck;
import com.example.ats.shared.LinkTokens;
import com.example.ats.work.Jobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use links mailed to an applicant: sign-in links, valid for minutes, and address links, which confirm a
 * changed e-mail address (the row names it; it takes effect when the link is used). A link's token is derived from
 * its id ({@link LinkTokens}), so it exists only in the mail; the row keeps its SHA-256, as for access codes and
 * consent links. A link of one kind is never taken for the other.
 */
@ApplicationScoped
public class SignInLinks implements SignInLinkCheck, AddressesToConfirm {

    private final LinkTokens tokens;
    private final EntityManager entityManager;
    private final Jobs jobs;
    private final Clock clock;

    SignInLinks(LinkTokens tokens, EntityManager entityManager, Jobs jobs, Clock clock) {
        this.tokens = tokens;
        this.entityManager = entityManager;
        this.jobs = jobs;
        this.clock = clock;
    }

    /**
     * Used and expired links go: an address link not confirmed names an address that may be a stranger's, kept no
     * longer than its link works.
     */
    @Scheduled(
            identity = "mailed-links-housekeeping",
            every = "${ats.self.links-housekeeping-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetDeadLinks() {
        jobs.run(
                "mailed-links-housekeeping",
                () -> QuarkusTransaction.requiringNew().run(() -> removeDead(clock.instant())));
    }

    private void removeDead(Instant now) {
        entityManager
                .createNativeQuery("delete from sign_in_link where valid_until < ?1 or used_at is not null")
                .setParameter(1, now)
                .executeUpdate();
    }

    /** A new link to the application, in the caller's transaction; used and expired links are removed first. */
    UUID create(UUID applicationId, Instant now, Instant validUntil) {
        removeDead(now);
        UUID id = UUID.randomUUID();
        entityManager
                .createNativeQuery(
                        "insert into sign_in_link (id, application_id, token_sha256, created_at, valid_until)"
                                + " values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id)
                .setParameter(2, applicationId)
                .setParameter(3, AccessTokens.hash(token(id)))
                .setParameter(4, now)
                .setParameter(5, validUntil)
                .executeUpdate();
        return id;
    }

    /** A link that confirms a new address, replacing one not used yet (one new address at a time). */
    UUID createAddressLink(UUID applicationId, String newEmail, Instant now, Instant validUntil) {
        entityManager
                .createNativeQuery("delete from sign_in_link where application_id = ?1 and new_email is not null")
                .setParameter(1, applicationId)
                .executeUpdate();
        UUID id = create(applicationId, now, validUntil);
        entityManager
                .createNativeQuery("update sign_in_link set new_email = ?1 where id = ?2")
                .setParameter(1, newEmail)
                .setParameter(2, id)
                .executeUpdate();
        return id;
    }

    /** An address waiting to be confirmed by its link. */
    record AddressLink(UUID applicationId, String newEmail) {}

    /** Uses an address link, once, while it is valid: the application and the address it confirms. */
    Optional<AddressLink> useAddressLink(String token, Instant now) {
        return addressLink(
                "update sign_in_link set used_at = ?1 where token_sha256 = ?2 and new_email is not null"
                        + " and used_at is null and valid_until > ?1 returning application_id, new_email",
                token,
                now);
    }

    /** The address link's application and address, without using it: none when unknown, used or expired. */
    Optional<AddressLink> peekAddressLink(String token, Instant now) {
        return addressLink(
                "select application_id, new_email from sign_in_link where token_sha256 = ?2 and new_email is not null"
                        + " and used_at is null and valid_until > ?1",
                token,
                now);
    }

    @Override
    public Optional<String> waitingFor(UUID applicationId) {
        return pendingAddress(applicationId, clock.instant());
    }

    /** The address waiting for confirmation, while its link is valid. */
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

    private Optional<AddressLink> addressLink(String sql, String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = QuarkusTransaction.joiningExisting() // using one changes the address in that transaction
                .call(() -> entityManager
                        .createNativeQuery(sql, Object[].class)
                        .setParameter(1, now)
                        .setParameter(2, AccessTokens.hash(token.strip()))
                        .getResultList());
        return found.stream().findFirst().map(row -> new AddressLink((UUID) row[0], (String) row[1]));
    }

    /** The sign-in links to the application not used yet stop working: its address was taken out of it. */
    void revokeFor(UUID applicationId) {
        entityManager
                .createNativeQuery("delete from sign_in_link where application_id = ?1 and new_email is null")
                .setParameter(1, applicationId)
                .executeUpdate();
    }

    /** Uses a link: the application it opens, once, while it is valid. */
    Optional<UUID> use(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<UUID> opened = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("update sign_in_link set used_at = ?1 where token_sha256 = ?2"
                                + " and new_email is null and used_at is null and valid_until > ?1"
                                + " returning application_id")
                        .setParameter(1, now)
                        .setParameter(2, AccessTokens.hash(token.strip()))
                        .getResultList());
        return opened.stream().findFirst();
    }

    /** The application a link would open, without using it: none when it is unknown, used or expired. */
    Optional<UUID> peek(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select application_id from sign_in_link where token_sha256 = ?1"
                                + " and new_email is null and used_at is null and valid_until > ?2")
                        .setParameter(1, AccessTokens.hash(token.strip()))
                        .setParameter(2, now)
                        .getResultList());
        return found.stream().findFirst();
    }

    @Override
    public Optional<String> tokenIfOpen(UUID linkId) {
        @SuppressWarnings("unchecked")
        List<Object> open = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select 1 from sign_in_link where id = ?1 and used_at is null"
                                + " and valid_until > ?2")
                        .setParameter(1, linkId)
                        .setParameter(2, clock.instant())
                        .getResultList());
        return open.isEmpty() ? Optional.empty() : Optional.of(token(linkId));
    }

    private String token(UUID linkId) {
        return tokens.token("ats-sign-in-link", linkId);
    }
}
