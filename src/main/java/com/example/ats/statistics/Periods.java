package com.example.ats.statistics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The two ways a statistic places a moment: in a calendar month (in Dutch time, the company's) and, for how long
 * something took, in a bucket of days. Statistics keep nothing finer than these.
 */
public final class Periods {

    /** Months are the company's, in Dutch time: an application made at 00:30 on 1 March counts in March. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** Upper bounds of the duration buckets, in days; a duration beyond the last is in bucket {@link #LONGER}. */
    public static final List<Integer> DAY_BOUNDS = List.of(1, 2, 7, 14, 28, 56, 91, 182);

    /** The bucket of durations longer than the last bound. */
    public static final int LONGER = 0;

    private Periods() {}

    /** The first day of the month the moment falls in. */
    public static LocalDate month(Instant at) {
        return YearMonth.from(at.atZone(ZONE)).atDay(1);
    }

    /** The smallest bound, in days, that the duration does not exceed ({@link #LONGER} beyond them all). */
    public static int bucket(Duration took) {
        for (int days : DAY_BOUNDS) {
            if (took.compareTo(Duration.ofDays(days)) <= 0) {
                return days;
            }
        }
        return LONGER;
    }
}
