package com.example.ats.consentmail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A question about the retention consent, asked by e-mail with a single-use link: another period before the
 * consented one ends, or (after the consent text changed) whether the consent still stands. Only its token's hash is
 * kept; the row goes with the application.
 */
@Entity
@Table(name = "consent_question")
public class ConsentQuestion {

    /** Why it was asked. */
    public enum Purpose {
        /** Another period, asked before the consented one ends. */
        RENEWAL,
        /** The consent text changed: told, with the way to withdraw. */
        TEXT_CHANGED
    }

    /** What the applicant chose on the page. */
    public enum Answer {
        RENEWED,
        DECLINED,
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false)
    public UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    /** RENEWAL: the expiry (ISO instant) the question asks to extend; TEXT_CHANGED: the new text's version. */
    @Column(name = "asked_for", nullable = false)
    public String askedFor;

    /** The consent text version the page shows (and a renewal records). */
    @Column(name = "text_version", nullable = false)
    public String textVersion;

    @Column(name = "token_sha256", nullable = false)
    public byte[] tokenSha256;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Enumerated(EnumType.STRING)
    public Answer answer;
}
