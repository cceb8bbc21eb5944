package com.example.ats.applicant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Applications by the SHA-256 of their access token, the only form in which the token is stored. */
@ApplicationScoped
public class AccessTokenRepository {

    private final EntityManager entityManager;

    AccessTokenRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The application whose access token has this hash; none when no application has it. */
    Optional<UUID> applicationWith(byte[] tokenSha256) {
        @SuppressWarnings("unchecked")
        List<UUID> found = entityManager
                .createNativeQuery("select id from application where access_token_hash = ?1")
                .setParameter(1, tokenSha256)
                .getResultList();
        return found.stream().findFirst();
    }
}
