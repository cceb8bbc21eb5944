package com.example.ats.applicant;

import com.example.ats.application.AccessTokens;
import com.example.ats.mail.SignInLinkCheck;
import com.example.ats.shared.LinkTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Single-use sign-in links, valid for minutes. A link's token is derived from its id ({@link LinkTokens}), so it
 * exists only in the mail; the row keeps its SHA-256, as for access codes and consent links.
 */
@ApplicationScoped
public class SignInLinks implements SignInLinkCheck {

    private final LinkTokens tokens;
    private final EntityManager entityManager;
    private final Clock clock;

    SignInLinks(LinkTokens tokens, EntityManager entityManager, Clock clock) {
        this.tokens = tokens;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A new link to the application, in the caller's transaction; used and expired links are removed first. */
    UUID create(UUID applicationId, Instant now, Instant validUntil) {
        entityManager
                .createNativeQuery("delete from sign_in_link where valid_until < ?1 or used_at is not null")
                .setParameter(1, now)
                .executeUpdate();
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

    /** Every link to the application not used yet stops working: its address was taken out of it. */
    void revokeFor(UUID applicationId) {
        entityManager
                .createNativeQuery("delete from sign_in_link where application_id = ?1")
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
                                + " and used_at is null and valid_until > ?1 returning application_id")
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
                                + " and used_at is null and valid_until > ?2")
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
