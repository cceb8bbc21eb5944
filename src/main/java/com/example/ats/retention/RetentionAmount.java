package com.example.ats.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A retention period as ISO-8601, from months down to seconds: {@code P12M} and {@code P28D} are calendar amounts
 * added in the policy's zone; {@code PT20S} is an exact duration (for operators and black-box tests).
 */
public record RetentionAmount(Period period, Duration duration) {

    public static RetentionAmount parse(String text) {
        String value = text.trim().toUpperCase();
        try {
            if (value.contains("T")) {
                return new RetentionAmount(null, Duration.parse(value));
            }
            return new RetentionAmount(Period.parse(value), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 amount like P12M, P28D or PT20S: " + text, e);
        }
    }

    /**
     * The instant this amount after {@code start}. Calendar amounts keep the local time of day in {@code zone}: a
     * month from Jan 31 is the last day of February, a day across a DST change is 23 or 25 hours, and a local time
     * that falls in a DST gap moves forward by the gap (java.time's rule).
     */
    public Instant after(Instant start, ZoneId zone) {
        if (duration != null) {
            return start.plus(duration);
        }
        return start.atZone(zone).plus(period).toInstant();
    }

    @Override
    public String toString() {
        return duration != null ? duration.toString() : period.toString();
    }
}
