package com.example.ats.statistics;

/** What a privacy request count counts. */
public enum RequestMeasure {
    REGISTERED,
    /** Closed by its due date. */
    CLOSED_ON_TIME,
    /** Closed after its due date. */
    CLOSED_LATE,
    OUTCOME_FULFILLED,
    OUTCOME_PARTLY_FULFILLED,
    OUTCOME_REFUSED,
    OUTCOME_NOTHING_HELD
}
