package com.example.ats.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.MDC;

/** Writes audit events, each in a transaction of its own so it stays even when the audited work fails later. */
@ApplicationScoped
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
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
        QuarkusTransaction.requiringNew().run(() -> events.persist(event));
    }
}
