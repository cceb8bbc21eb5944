package com.example.ats.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what to which application, when. Ids, roles and codes only: never personal data. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(nullable = false)
    public String action;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "request_id")
    public String requestId;

    /** Codes and field names only, e.g. the reason code of a purge run; never values a person typed. */
    public String detail;
}
