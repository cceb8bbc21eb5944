package com.example.ats.privacy;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A data-subject request received by e-mail, post or phone, which the privacy officer must answer in time. */
@Entity
@Table(name = "privacy_request")
public class PrivacyRequest {

    /** What the applicant asked for. */
    public enum Type {
        ACCESS,
        RECTIFICATION,
        ERASURE,
        PORTABILITY,
        WITHDRAWAL,
        OBJECTION
    }

    /** What the answer was: kept as proof after the words of the outcome are removed. */
    public enum OutcomeCode {
        FULFILLED,
        PARTLY_FULFILLED,
        REFUSED,
        NOTHING_HELD
    }

    /** Open until answered. */
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Type type;

    /** The requester's address, to find their applications and to answer; personal data. */
    public String email;

    /** The language of the mails about this request: "nl" or "en" (null, from before it was kept, means Dutch). */
    @Column(name = "language")
    public String language;

    @Column(nullable = false)
    public String channel;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The requester's own words, e.g. why they object; personal data. */
    public String note;

    /** How it was answered, in words; removed with the e-mail address (see {@link #minimisedAt}). */
    public String outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome_code")
    public OutcomeCode outcomeCode;

    /**
     * When the e-mail address, the note and the outcome's words were removed: the request is closed and its
     * applications are gone, so only the proof that it was answered in time remains.
     */
    @Column(name = "minimised_at")
    public Instant minimisedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "privacy_request_application", joinColumns = @JoinColumn(name = "privacy_request_id"))
    @Column(name = "application_id")
    public Set<UUID> applicationIds = new LinkedHashSet<>();

    @Version
    public long version;
}
