package com.example.ats.consentmail;

import com.example.ats.retention.LatestConsent;
import com.example.ats.retention.PurgeRules;
import com.example.ats.shared.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ConsentQuestionRepository implements PanacheRepositoryBase<ConsentQuestion, UUID> {

    /** The question whose link carries this token, locked for its answer. */
    public Optional<ConsentQuestion> findByTokenHash(byte[] hash, boolean lock) {
        var query = find("tokenSha256", hash);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    /**
     * Inserts the question unless one for the same application, purpose and period or version exists (another
     * replica asked first); true when this call inserted it.
     */
    public boolean insertIfNew(ConsentQuestion question) {
        int inserted = getEntityManager()
                .createNativeQuery("insert into consent_question (id, application_id, purpose, asked_for, text_version,"
                        + " token_sha256, created_at, valid_until) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                        + " on conflict (application_id, purpose, asked_for) do nothing")
                .setParameter(1, question.id)
                .setParameter(2, question.applicationId)
                .setParameter(3, question.purpose.name())
                .setParameter(4, question.askedFor)
                .setParameter(5, question.textVersion)
                .setParameter(6, question.tokenSha256)
                .setParameter(7, question.createdAt)
                .setParameter(8, question.validUntil)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * Applications with the retention consent in force whose consented period ends within {@code (now, horizon]},
     * not under a legal hold in force, not withdrawn, and not yet asked about this period; soonest first.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> dueForRenewal(Instant now, Instant horizon, int limit) {
        return getEntityManager()
                .createNativeQuery("select a.id from application a"
                        + " where a.expires_at > ?1 and a.expires_at <= ?2 and a.status <> 'WITHDRAWN'"
                        + " and not " + PurgeRules.holdInForce("a", "?1")
                        + " and " + LatestConsent.inForce("a")
                        + " and not exists (select 1 from consent_question q where q.application_id = a.id"
                        + " and q.purpose = 'RENEWAL'"
                        + " and q.asked_for = to_char(a.expires_at at time zone 'UTC', '" + PERIOD_KEY_SQL + "'))"
                        + " order by a.expires_at limit ?3")
                .setParameter(1, now)
                .setParameter(2, horizon)
                .setParameter(3, limit)
                .getResultList();
    }

    /** A consented period's end as a question's {@code asked_for}: UTC, microseconds, as PostgreSQL keeps it. */
    public static String periodKey(Instant periodEnd) {
        return PERIOD_KEY.format(periodEnd.truncatedTo(ChronoUnit.MICROS));
    }

    private static final DateTimeFormatter PERIOD_KEY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final String PERIOD_KEY_SQL = "YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"";

    /** An application to tell, with its place in the walk over all (expiry, id). */
    public record Candidate(UUID id, Instant expiresAt) {}

    /**
     * Applications kept with a consent given to another text than {@code version}, still in the future, not yet
     * told about it; after {@code from} in (expiry, id) order, so a walk over a million rows reads each once.
     */
    @SuppressWarnings("unchecked")
    public List<Candidate> notToldOf(String version, Instant now, Candidate from, int limit) {
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select a.id, a.expires_at from application a"
                        + " where a.expires_at > ?1 and (a.expires_at, a.id) > (?4, ?5) and "
                        + LatestConsent.inForce("a")
                        + " and " + LatestConsent.sql("text_version", "a") + " <> ?2"
                        + " and not exists (select 1 from consent_question q where q.application_id = a.id"
                        + " and q.purpose = 'TEXT_CHANGED' and q.asked_for = ?2)"
                        + " order by a.expires_at, a.id limit ?3")
                .setParameter(1, now)
                .setParameter(2, version)
                .setParameter(3, limit)
                .setParameter(4, from.expiresAt())
                .setParameter(5, from.id())
                .getResultList();
        return rows.stream()
                .map(row -> new Candidate((UUID) row[0], SqlValues.instant(row[1])))
                .toList();
    }
}
