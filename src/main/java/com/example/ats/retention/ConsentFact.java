package com.example.ats.retention;

import java.time.Instant;

/**
 * One event of an application's retention-consent history, as the policy needs it.
 *
 * @param periodStartsAt for a renewal grant, the end of the period it extends (the new period starts there, not at
 *     the grant); null otherwise
 */
public record ConsentFact(Kind kind, Instant at, Instant periodStartsAt) {

    /** What the applicant did. */
    public enum Kind {
        GRANTED,
        REFUSED,
        WITHDRAWN
    }

    public static ConsentFact granted(Instant at) {
        return new ConsentFact(Kind.GRANTED, at, null);
    }

    public static ConsentFact refused(Instant at) {
        return new ConsentFact(Kind.REFUSED, at, null);
    }

    public static ConsentFact withdrawn(Instant at) {
        return new ConsentFact(Kind.WITHDRAWN, at, null);
    }

    /** A grant given before the current period ends, for another period from that end. */
    public static ConsentFact renewed(Instant at, Instant periodStartsAt) {
        return new ConsentFact(Kind.GRANTED, at, periodStartsAt);
    }
}
