package com.example.ats.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one answer to "which retention-consent event decides": the latest by when it happened, and of events at the
 * same instant the one recorded last (the higher id). In SQL for the queries that select by it, in Java for a
 * history already loaded; {@link RetentionPolicy} says what that event means for the expiry.
 */
public final class LatestConsent {

    private LatestConsent() {}

    /** SQL: the column of the deciding retention-consent event of the application of table alias {@code a}. */
    public static String sql(String column, String a) {
        return "(select c." + column + " from consent_event c where c.application_id = " + a + ".id"
                + " and c.kind = 'RETENTION' order by c.occurred_at desc, c.id desc limit 1)";
    }

    /** SQL: the retention consent of the application of table alias {@code a} is in force (its latest is a grant). */
    public static String inForce(String a) {
        return "(" + sql("action", a) + " = 'GRANTED')";
    }

    /**
     * The deciding event of a retention-consent history.
     *
     * @param history the events in the order they were recorded
     */
    public static <T> Optional<T> of(List<T> history, Function<T, Instant> at) {
        return history.stream()
                .reduce((earlier, later) -> at.apply(later).isBefore(at.apply(earlier)) ? earlier : later);
    }
}
