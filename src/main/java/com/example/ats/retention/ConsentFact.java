package com.example.ats.retention;

import java.time.Instant;

/** One event of an application's retention-consent history, as the policy needs it. */
public record ConsentFact(Kind kind, Instant at) {

    /** What the applicant did. */
    public enum Kind {
        GRANTED,
        REFUSED,
        WITHDRAWN
    }

    public static ConsentFact granted(Instant at) {
        return new ConsentFact(Kind.GRANTED, at);
    }

    public static ConsentFact refused(Instant at) {
        return new ConsentFact(Kind.REFUSED, at);
    }

    public static ConsentFact withdrawn(Instant at) {
        return new ConsentFact(Kind.WITHDRAWN, at);
    }
}
