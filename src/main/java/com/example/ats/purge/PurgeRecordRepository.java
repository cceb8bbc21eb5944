package com.example.ats.purge;

import com.example.ats.retention.LatestConsent;
import com.example.ats.retention.PurgeRules;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import com.example.ats.shared.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Purge records, and the queue of what is due, read for the privacy officer and the compliance metrics. */
@ApplicationScoped
public class PurgeRecordRepository implements PanacheRepositoryBase<PurgeRecord, UUID> {

    /** Keyset page in (purgedAt, id) order. */
    public List<PurgeRecord> page(
            UUID applicationId, PurgeRecord.Reason reason, Instant from, Instant to, Cursor after, int limit) {
        return KeysetQuery.orderedBy("purgedAt", "id")
                .filter("applicationId = :applicationId", "applicationId", applicationId)
                .filter("reason = :reason", "reason", reason)
                .filter("purgedAt >= :from", "from", from)
                .filter("purgedAt < :to", "to", to)
                .after(after)
                .page(this, limit);
    }

    /** What the purge will take by {@code until}: not held, expiring by then, with why. */
    public List<DueApplicationView> due(Instant until) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select a.id, a.expires_at, a.purge_attempts > 0, a.purge_retry_at, "
                        + LatestConsent.sql("action", "a") + " from application a"
                        + " where " + PurgeRules.dueForPurge("a", ":until")
                        + " order by a.expires_at, a.id limit 1000")
                .setParameter("until", until)
                .getResultList();
        return rows.stream()
                .map(row -> new DueApplicationView(
                        (UUID) row[0],
                        SqlValues.instant(row[1]),
                        reasonOf((String) row[4]),
                        (Boolean) row[2],
                        (Boolean) row[2] ? SqlValues.instant(row[3]) : null))
                .toList();
    }

    /** The overdue backlog at {@code now}: how many are due, how many of them blocked, the oldest expiry among them. */
    public record Overdue(long count, long blocked, Instant oldestExpiresAt) {}

    /** How much is due for the purge at {@code now} and not yet purged (held applications are not due). */
    public Overdue overdue(Instant now) {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("select count(*), min(a.expires_at), count(*) filter (where a.purge_attempts > 0)"
                        + " from application a where " + PurgeRules.dueForPurge("a", ":now"))
                .setParameter("now", now)
                .getSingleResult();
        return new Overdue(((Number) row[0]).longValue(), ((Number) row[2]).longValue(), SqlValues.instant(row[1]));
    }

    /** Those of these applications that already have a purge record. */
    public List<UUID> recordedAmong(List<UUID> applicationIds) {
        @SuppressWarnings("unchecked")
        List<UUID> recorded = getEntityManager()
                .createNativeQuery("select application_id from purge_record where application_id in (?1)", UUID.class)
                .setParameter(1, applicationIds)
                .getResultList();
        return recorded;
    }

    private static String reasonOf(String lastConsentAction) {
        if ("GRANTED".equals(lastConsentAction)) {
            return "CONSENT_PERIOD_ENDED";
        }
        return "WITHDRAWN".equals(lastConsentAction) ? "CONSENT_WITHDRAWN" : "NO_CONSENT";
    }
}
