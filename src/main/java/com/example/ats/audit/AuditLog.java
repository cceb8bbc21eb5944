package com.example.ats.audit;

import com.example.ats.shared.Cursor;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.MDC;

/** Writes audit events, each in a transaction of its own so it stays even when the audited work fails later. */
@ApplicationScoped
public class AuditLog implements PanacheRepositoryBase<AuditEvent, UUID> {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(String actor, String actorRole, String action, UUID applicationId, String detail) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = clock.instant();
        event.actor = actor;
        event.actorRole = actorRole;
        event.action = action;
        event.applicationId = applicationId;
        Object requestId = MDC.get("requestId");
        event.requestId = requestId == null ? null : requestId.toString();
        event.detail = detail;
        QuarkusTransaction.requiringNew().run(() -> persist(event));
    }

    /** Keyset page in (occurredAt, id) order; absent filters do not filter. */
    public List<AuditEvent> page(
            UUID applicationId, String actor, String action, Instant from, Instant to, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (applicationId != null) {
            where.add("applicationId = :applicationId");
            parameters.and("applicationId", applicationId);
        }
        if (actor != null) {
            where.add("actor = :actor");
            parameters.and("actor", actor);
        }
        if (action != null) {
            where.add("action = :action");
            parameters.and("action", action);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            parameters.and("to", to);
        }
        if (after != null) {
            where.add("(occurredAt > :afterTime or (occurredAt = :afterTime and id > :afterId))");
            parameters.and("afterTime", after.time()).and("afterId", after.id());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by occurredAt, id";
        return find(query, parameters).page(0, limit).list();
    }
}
