package com.example.ats.application;

import com.example.ats.shared.Language;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One applicant's application: pipeline state, expiry and legal hold. Personal details live in {@link Applicant}. */
@Entity
@Table(name = "application")
public class Application {

    @Id
    public UUID id;

    @Column(name = "vacancy_id")
    public UUID vacancyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;

    @Column(name = "procedure_ended_at")
    public Instant procedureEndedAt;

    /** Null while no expiry is due yet (see RetentionPolicy). */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "legal_hold_reason")
    public String legalHoldReason;

    @Column(name = "legal_hold_until")
    public Instant legalHoldUntil;

    @Column(name = "legal_hold_set_at")
    public Instant legalHoldSetAt;

    @Column(name = "legal_hold_set_by")
    public String legalHoldSetBy;

    /**
     * Attempts of a purge that the store held up (an object it refused to delete): written by the purge only. Once
     * one is made the application's data key is destroyed (ADR 0030) and nothing may keep it any longer.
     */
    @Column(name = "purge_attempts", insertable = false, updatable = false)
    public int purgeAttempts;

    /** Whether its purge has begun (its files' key is destroyed): no consent or hold keeps it any more. */
    public boolean beingDeleted() {
        return purgeAttempts > 0;
    }

    /** The applicant's language for mails: "nl" or "en" (null, from before it was kept, means Dutch). */
    @Column(name = "language")
    public String language;

    /** How it came in, for the statistics: the apply page, the API, or the HR tool's client id; never a person. */
    @Column(name = "channel")
    public String channel;

    @Column(name = "access_token_hash", nullable = false)
    public byte[] accessTokenHash;

    @OneToOne(mappedBy = "application", cascade = CascadeType.ALL, optional = false)
    @PrimaryKeyJoinColumn
    public Applicant applicant;

    @Version
    public long version;

    /** The language of the mails to the applicant. */
    public java.util.Locale mailLanguage() {
        return Language.of(language).locale();
    }
}
