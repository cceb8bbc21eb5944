package com.example.ats.retention;

import com.example.ats.shared.Cursor;
import com.example.ats.shared.SqlValues;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Purge records, and the queue of what is due, read for the privacy officer. */
@ApplicationScoped
public class PurgeRecords implements PanacheRepositoryBase<PurgeRecord, UUID> {

    /** Keyset page in (purgedAt, id) order. */
    public List<PurgeRecord> page(
            UUID applicationId, PurgeRecord.Reason reason, Instant from, Instant to, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (applicationId != null) {
            where.add("applicationId = :applicationId");
            parameters.and("applicationId", applicationId);
        }
        if (reason != null) {
            where.add("reason = :reason");
            parameters.and("reason", reason);
        }
        if (from != null) {
            where.add("purgedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("purgedAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            where.add("(purgedAt > :afterTime or (purgedAt = :afterTime and id > :afterId))");
            parameters.and("afterTime", after.time()).and("afterId", after.id());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by purgedAt, id";
        return find(query, parameters).page(0, limit).list();
    }

    /** What the purge will take by {@code until}: not held, expiring by then, with why. */
    public List<RetentionResource.DueView> due(Instant until) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select a.id, a.expires_at, (select c.action from consent_event c"
                        + " where c.application_id = a.id and c.kind = 'RETENTION'"
                        + " order by c.occurred_at desc, c.id desc limit 1) from application a"
                        + " where a.expires_at <= ?1 and (a.legal_hold_reason is null or a.legal_hold_until <= ?1)"
                        + " order by a.expires_at, a.id limit 1000")
                .setParameter(1, until)
                .getResultList();
        return rows.stream()
                .map(row -> new RetentionResource.DueView(
                        (UUID) row[0], SqlValues.instant(row[1]), reasonOf((String) row[2])))
                .toList();
    }

    private static String reasonOf(String lastConsentAction) {
        if ("GRANTED".equals(lastConsentAction)) {
            return "CONSENT_PERIOD_ENDED";
        }
        return "WITHDRAWN".equals(lastConsentAction) ? "CONSENT_WITHDRAWN" : "NO_CONSENT";
    }
}
