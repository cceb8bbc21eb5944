package com.example.ats.statistics;

import com.example.ats.application.ApplicationStatus;

/** How long from the application to: the first answer (any status after RECEIVED), or each status reached. */
public enum Milestone {
    FIRST_RESPONSE,
    SCREENING,
    INTERVIEW,
    OFFER,
    HIRED,
    REJECTED,
    WITHDRAWN;

    public static Milestone of(ApplicationStatus status) {
        return valueOf(status.name());
    }

    /** The count a milestone's durations add up to (FIRST_RESPONSE: none shown elsewhere). */
    Measure reached() {
        return this == FIRST_RESPONSE ? null : Measure.valueOf("REACHED_" + name());
    }
}
