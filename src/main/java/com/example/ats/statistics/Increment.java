package com.example.ats.statistics;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One more in one statistic: what an event adds. Every part is a vacancy, a month, a channel (how an application came
 * in, never who sent it), a code or a bucket: nothing in it points to a person or an application.
 */
sealed interface Increment {

    /** One more application of a vacancy, made in a month through a channel, that reached a measure. */
    record ApplicationCount(UUID vacancyId, LocalDate month, String channel, Measure measure) implements Increment {}

    /** One more application whose way to a milestone took up to {@code upToDays} days ({@link Periods#LONGER}: more). */
    record ApplicationDuration(UUID vacancyId, LocalDate month, Milestone milestone, int upToDays)
            implements Increment {}

    /** One more privacy request of a type, received in a month, that reached a measure. */
    record RequestCount(LocalDate month, String requestType, RequestMeasure measure) implements Increment {}

    /** One more privacy request of a type, received in a month, answered within {@code upToDays} days. */
    record RequestDuration(LocalDate month, String requestType, int upToDays) implements Increment {}
}
