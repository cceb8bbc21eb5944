package com.example.ats.audit;

import com.example.ats.shared.Cursor;
import com.example.ats.shared.KeysetQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit trail in PostgreSQL. */
@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, UUID> {

    /** Keyset page in (occurredAt, id) order; absent filters do not filter. */
    public List<AuditEvent> page(
            UUID applicationId, String actor, String action, Instant from, Instant to, Cursor after, int limit) {
        return KeysetQuery.orderedBy("occurredAt", "id")
                .filter("applicationId = :applicationId", "applicationId", applicationId)
                .filter("actor = :actor", "actor", actor)
                .filter("action = :action", "action", action)
                .filter("occurredAt >= :from", "from", from)
                .filter("occurredAt < :to", "to", to)
                .after(after)
                .page(this, limit);
    }

    /** Deletes up to {@code batch} events that happened before {@code before}; returns how many. */
    int deleteBefore(Instant before, int batch) {
        return getEntityManager()
                .createNativeQuery("delete from audit_event where (id, occurred_at) in (select id, occurred_at from"
                        + " audit_event where occurred_at < :before limit :batch)")
                .setParameter("before", before)
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
