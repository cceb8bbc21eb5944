package com.example.ats.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One grant, refusal or withdrawal: append-only (the database refuses updates), the proof of what was agreed. */
@Entity
@Immutable
@Table(name = "consent_event")
public class ConsentEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentAction action;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentChannel channel;

    /** Which consent text the applicant saw. */
    @Column(name = "text_version")
    public String textVersion;

    /** SHA-256 of that text's wording, when the service knows the version. */
    @Column(name = "text_sha256")
    public String textSha256;

    /** Staff member who recorded a consent given by another channel; null for self-service. */
    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "guardian_name")
    public String guardianName;

    @Column(name = "guardian_email")
    public String guardianEmail;

    /** A renewal's period starts here, at the end of the period it extends; null for other events. */
    @Column(name = "period_starts_at")
    public Instant periodStartsAt;
}
