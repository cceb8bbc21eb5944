package com.example.ats.purge;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Proof that an application's data is gone: when, why, under which policy. No personal data. */
@Entity
@Table(name = "purge_record")
public class PurgeRecord {

    /** Why data was deleted. */
    public enum Reason {
        EXPIRED,
        ERASURE_REQUEST
    }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "purged_at", nullable = false)
    public Instant purgedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "objects_removed", nullable = false)
    public int objectsRemoved;

    /** Whether the application's data key was destroyed with it (false when its files were never encrypted). */
    @Column(name = "key_destroyed", nullable = false)
    public boolean keyDestroyed;

    static PurgeRecord of(
            UUID applicationId,
            Instant expiresAt,
            Instant purgedAt,
            Reason reason,
            String policyVersion,
            int objectsRemoved,
            boolean keyDestroyed) {
        PurgeRecord record = new PurgeRecord();
        record.id = UUID.randomUUID();
        record.applicationId = applicationId;
        record.expiresAt = expiresAt;
        record.purgedAt = purgedAt;
        record.reason = reason;
        record.policyVersion = policyVersion;
        record.objectsRemoved = objectsRemoved;
        record.keyDestroyed = keyDestroyed;
        return record;
    }
}
