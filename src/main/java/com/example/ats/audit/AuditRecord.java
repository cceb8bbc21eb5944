package com.example.ats.audit;

import java.time.Instant;
import java.util.UUID;

/** An audit event before it is written: the values of {@link AuditEvent}, immutable. */
record AuditRecord(
        UUID id,
        Instant occurredAt,
        String actor,
        String actorRole,
        String action,
        UUID applicationId,
        String requestId,
        String detail) {

    AuditEvent toEntity() {
        AuditEvent event = new AuditEvent();
        event.id = id;
        event.occurredAt = occurredAt;
        event.actor = actor;
        event.actorRole = actorRole;
        event.action = action;
        event.applicationId = applicationId;
        event.requestId = requestId;
        event.detail = detail;
        return event;
    }
}
