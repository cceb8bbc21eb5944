package com.example.ats.audit;

/**
 * What an audit event records: one code per kind of read or change, stored by name (the names are the audit trail's
 * vocabulary that the privacy officer filters on, so a name never changes once events carry it).
 */
public enum AuditAction {
    /** A staff list page of applications. */
    APPLICATIONS_LISTED,
    /** A staff read of one application. */
    APPLICATION_READ,
    /** A pipeline status change. */
    STATUS_CHANGED,
    /** A staff download of a file scanned clean. */
    DOCUMENT_DOWNLOADED,
    /** The privacy officer's download of a file not scanned clean. */
    DOCUMENT_DOWNLOADED_UNSCANNED,
    /** A retention consent given, renewed or withdrawn (by the applicant, or recorded for them). */
    CONSENT_RECORDED,
    /** A legal hold put on an application. */
    LEGAL_HOLD_SET,
    /** A legal hold lifted. */
    LEGAL_HOLD_RELEASED,
    /** A privacy request registered by the privacy officer. */
    PRIVACY_REQUEST_REGISTERED,
    /** A list page of privacy requests. */
    PRIVACY_REQUESTS_LISTED,
    /** One privacy request read. */
    PRIVACY_REQUEST_READ,
    /** A privacy request closed with its outcome. */
    PRIVACY_REQUEST_CLOSED,
    /** The export made by the privacy officer for an applicant. */
    EXPORTED_ON_BEHALF,
    /** An erasure carried out by the privacy officer for an applicant. */
    ERASED_ON_BEHALF,
    /** A retention run started by hand. */
    RETENTION_RUN,
    /** Purge records replayed after a database restore. */
    PURGE_RECORDS_REPLAYED,
    /** The retention policy changed version. */
    RETENTION_POLICY_CHANGED,
    /** The applicant signed in to the portal. */
    SELF_PORTAL_OPENED,
    /** The applicant read what is held about them. */
    SELF_READ,
    /** The applicant downloaded one of their files. */
    SELF_DOCUMENT_DOWNLOADED,
    /** The applicant downloaded their export. */
    SELF_EXPORTED,
    /** The applicant corrected their details. */
    RECTIFIED,
    /** The applicant objected to the processing. */
    OBJECTED,
    /** The applicant erased their application. */
    ERASED_ON_REQUEST,
    /**
     * Someone who got a receipt for an application they did not make took their e-mail address out of it (the
     * receipt's "this was not me" link); the address itself is not recorded.
     */
    ADDRESS_REMOVED_BY_RECIPIENT,
    /** The applicant gave a new e-mail address: a link to confirm it was mailed there (the address is not recorded). */
    ADDRESS_CONFIRMATION_SENT,
    /** A new e-mail address was confirmed through the link mailed to it, and is the application's from now on. */
    ADDRESS_CONFIRMED,
    /** Data keys moved to the current key-encryption key (a rotation's re-wrap job; the detail says how many). */
    DATA_KEYS_REWRAPPED
}
