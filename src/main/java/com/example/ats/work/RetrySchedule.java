package com.example.ats.work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try an item of work again after a failed attempt: the n-th failed attempt waits the n-th step. Past the
 * last step the item is either given up (a mail, a webhook delivery: someone is told) or tried again at the last
 * step's interval for as long as it takes (a scan, a purge: giving up would break a promise).
 */
public final class RetrySchedule {

    private final List<Duration> steps;
    private final boolean repeatLast;

    private RetrySchedule(List<Duration> steps, boolean repeatLast) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one step");
        }
        for (Duration step : steps) {
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("every step of a retry schedule must be positive: " + step);
            }
        }
        this.steps = List.copyOf(steps);
        this.repeatLast = repeatLast;
    }

    /** Tries again after each step in turn, then gives up. */
    public static RetrySchedule thenGiveUp(List<Duration> steps) {
        return new RetrySchedule(steps, false);
    }

    /** Tries again after each step in turn, then every last step, never giving up. */
    public static RetrySchedule thenRepeatLast(List<Duration> steps) {
        return new RetrySchedule(steps, true);
    }

    /**
     * When to try again after the given number of attempts (at least one) have been made and the last failed at
     * {@code failedAt}; empty when the item is to be given up.
     */
    public Optional<Instant> next(int attemptsMade, Instant failedAt) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("no attempt was made, so none failed");
        }
        if (attemptsMade <= steps.size()) {
            return Optional.of(failedAt.plus(steps.get(attemptsMade - 1)));
        }
        return repeatLast ? Optional.of(failedAt.plus(steps.getLast())) : Optional.empty();
    }

    /** How many attempts an item gets before it is given up; none when it never is. */
    public Optional<Integer> attemptsAllowed() {
        return repeatLast ? Optional.empty() : Optional.of(steps.size() + 1);
    }

    @Override
    public String toString() {
        return steps + (repeatLast ? " then every " + steps.getLast() : " then give up");
    }
}
