package com.example.ats.consent;

/** Which consent an event is about. */
public enum ConsentKind {
    /** Keeping the file for 12 months. */
    RETENTION,
    /** A parent's or guardian's consent for an applicant under 16. */
    PARENTAL
}
