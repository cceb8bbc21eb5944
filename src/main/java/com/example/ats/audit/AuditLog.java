package com.example.ats.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Writes audit events in transactions of their own (never the caller's), so an event stays even when the audited
 * work fails later.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditWriter writer;
    private final Clock clock;

    AuditLog(AuditWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /** Returns once the event is committed (with those of concurrent callers: group commit, ADR 0017). */
    public void record(String actor, String actorRole, AuditAction action, UUID applicationId, String detail) {
        Object requestId = MDC.get("requestId");
        writer.write(new AuditRecord(
                UUID.randomUUID(),
                clock.instant(),
                actor,
                actorRole,
                action.name(),
                applicationId,
                requestId == null ? null : requestId.toString(),
                detail));
    }
}
