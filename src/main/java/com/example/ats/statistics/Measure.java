package com.example.ats.statistics;

import com.example.ats.application.ApplicationStatus;

/** What an application count counts; each application adds at most one to each measure. */
public enum Measure {
    RECEIVED,
    /** Consent to keep the file 12 months given with the application. */
    CONSENT_GIVEN,
    /** That consent not given with the application (the two add up to {@link #RECEIVED}). */
    CONSENT_REFUSED,
    /** Consent given or renewed after the application was made (once per application, however often). */
    CONSENT_GIVEN_LATER,
    /** Consent withdrawn (once per application, however often). */
    CONSENT_WITHDRAWN,
    REACHED_SCREENING,
    REACHED_INTERVIEW,
    REACHED_OFFER,
    REACHED_HIRED,
    REACHED_REJECTED,
    REACHED_WITHDRAWN,
    /** Erased on the applicant's request (or on their behalf). */
    ERASED,
    /** Deleted by the purge when its time had come. */
    PURGED;

    /** The measure of reaching a pipeline status after {@code RECEIVED}. */
    public static Measure reached(ApplicationStatus status) {
        return valueOf("REACHED_" + status.name());
    }

    /** The pipeline stages in order, then the two ways out. */
    public static final java.util.List<Measure> STAGES = java.util.List.of(
            RECEIVED,
            REACHED_SCREENING,
            REACHED_INTERVIEW,
            REACHED_OFFER,
            REACHED_HIRED,
            REACHED_REJECTED,
            REACHED_WITHDRAWN);
}
