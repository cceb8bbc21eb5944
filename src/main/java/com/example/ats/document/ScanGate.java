package com.example.ats.document;

/** Which scan states a download may serve (ADR 0015). */
public enum ScanGate {
    /** Staff: a CLEAN document only. */
    CLEAN_ONLY,
    /** The applicant, their own file: CLEAN, or PENDING (their own bytes back); never INFECTED. */
    OWN_FILE,
    /** The privacy officer, who asked for it explicitly: any state. */
    ANY;

    public boolean allows(ScanState state) {
        return switch (this) {
            case CLEAN_ONLY -> state == ScanState.CLEAN;
            case OWN_FILE -> state != ScanState.INFECTED;
            case ANY -> true;
        };
    }
}
