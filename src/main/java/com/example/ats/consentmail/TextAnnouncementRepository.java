package com.example.ats.consentmail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * The consent text versions announced to applicants ({@code consent_text_announcement}): one row per version, from
 * when its announcement started until it finished. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class TextAnnouncementRepository {

    private final EntityManager entityManager;

    TextAnnouncementRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** How many versions are recorded, finished or not. */
    long count() {
        return ((Number) entityManager
                        .createNativeQuery("select count(*) from consent_text_announcement")
                        .getSingleResult())
                .longValue();
    }

    /** Records the version's announcement unless it is recorded already; {@code finishedAt} may be null. */
    void insertIfNew(String version, Instant startedAt, Instant finishedAt) {
        entityManager
                .createNativeQuery("insert into consent_text_announcement (version, started_at, finished_at)"
                        + " values (?1, ?2, ?3) on conflict (version) do nothing")
                .setParameter(1, version)
                .setParameter(2, startedAt)
                .setParameter(3, finishedAt)
                .executeUpdate();
    }

    /** Whether the version's announcement is recorded and not finished. */
    boolean unfinished(String version) {
        List<?> unfinished = entityManager
                .createNativeQuery("select 1 from consent_text_announcement where version = ?1 and finished_at is null")
                .setParameter(1, version)
                .getResultList();
        return !unfinished.isEmpty();
    }

    /** Marks the version's announcement finished at {@code at}, unless it is already. */
    void finish(String version, Instant at) {
        entityManager
                .createNativeQuery("update consent_text_announcement set finished_at = ?2 where version = ?1"
                        + " and finished_at is null")
                .setParameter(1, version)
                .setParameter(2, at)
                .executeUpdate();
    }
}
