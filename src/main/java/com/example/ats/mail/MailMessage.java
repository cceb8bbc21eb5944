package com.example.ats.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One mail to an applicant: its cause, its state and attempts; the address only until it is sent. */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    @Schema(name = "MailState")
    public enum State {
        PENDING,
        SENT,
        /** Every attempt of the retry schedule failed. */
        FAILED,
        /** Not sent on purpose: what it was about is gone (the application, or a question no longer open). */
        DROPPED
    }

    @Id
    public UUID id;

    /** One mail per cause, e.g. {@code receipt:<application id>}: a second enqueue of the same cause is refused. */
    @Column(name = "dedup_key", nullable = false)
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MailKind kind;

    @Column(name = "application_id")
    public UUID applicationId;

    /** The address, until the mail is sent or given up. */
    public String recipient;

    /** nl or en. */
    @Column(nullable = false)
    public String language;

    /** Codes and dates the mail states (JSON), e.g. a privacy request's type and due date; never personal data. */
    public String facts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "leased_until")
    public Instant leasedUntil;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** SENT, or why the last attempt failed as a code (never the server's text, which may quote the address). */
    @Column(name = "last_outcome")
    public String lastOutcome;

    /** Ends the mail's life in the outbox: its address goes, sent or not. */
    void end(State state, Instant now) {
        this.state = state;
        this.sentAt = state == State.SENT ? now : null;
        this.recipient = null;
    }
}
