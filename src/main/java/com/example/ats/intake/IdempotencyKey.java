package com.example.ats.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A remembered Idempotency-Key: which request (by hash) created which application, until it expires. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @Id
    public String key;

    @Column(name = "request_sha256", nullable = false)
    public String requestSha256;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
