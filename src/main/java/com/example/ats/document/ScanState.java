package com.example.ats.document;

/** What the malware scanner said about a document; only a {@code CLEAN} one is opened by staff (ADR 0015). */
public enum ScanState {
    /** Scanned, nothing found. */
    CLEAN,
    /** Not scanned yet: the scanner was down or slow at intake; the scanning worker will. */
    PENDING,
    /** Found infected after intake, by the scanning worker; kept for the privacy officer, never opened by staff. */
    INFECTED
}
