package com.example.ats.application;

import java.util.EnumSet;
import java.util.Set;

/** The hiring pipeline: RECEIVED → SCREENING → INTERVIEW → OFFER → HIRED, or REJECTED / WITHDRAWN from any open state. */
public enum ApplicationStatus {
    RECEIVED,
    SCREENING,
    INTERVIEW,
    OFFER,
    HIRED,
    REJECTED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != HIRED && this != REJECTED && this != WITHDRAWN;
    }

    /** The states this one may move to. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(SCREENING, REJECTED, WITHDRAWN);
            case SCREENING -> EnumSet.of(INTERVIEW, REJECTED, WITHDRAWN);
            case INTERVIEW -> EnumSet.of(OFFER, REJECTED, WITHDRAWN);
            case OFFER -> EnumSet.of(HIRED, REJECTED, WITHDRAWN);
            case HIRED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }
}
