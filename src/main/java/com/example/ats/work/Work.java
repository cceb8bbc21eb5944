package com.example.ats.work;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One kind of work done by the {@link WorkQueue}: what an item needs, doing it, and writing down its outcome. The
 * queue does the rest (claiming under a lease, counting the attempt when it is made, retrying on the schedule,
 * recording only while the claim is still ours).
 *
 * @param <T> what doing one item needs, read when it is claimed
 * @param <R> what doing it found, for the record (Void when the code says all)
 */
public interface Work<T, R> {

    /** Where the items live and how they are claimed, tried and retried. */
    Kind kind();

    /**
     * @param lease how long a claim lasts; past it the item is free to be claimed again (its replica taken as dead)
     * @param attemptTakes the longest one attempt can take: an item is not begun with less than this left of its lease
     * @param batch how many items are claimed at once
     * @param parallelism how many are done at the same time (one: in turn)
     */
    record Kind(
            WorkTable table,
            Duration lease,
            Duration attemptTakes,
            RetrySchedule retries,
            int batch,
            int parallelism) {}

    /** The items to claim, in order, when the table's due order is not enough (fair shares); null for that order. */
    default List<UUID> candidates(Instant now, int limit) {
        return null;
    }

    /** What each claimed item needs, read in the claiming transaction; an item left out is not done (it went). */
    Map<UUID, T> load(List<UUID> ids);

    /** Does one item, no transaction open; a failure to do it is an outcome, not an exception. */
    Outcome<R> perform(T item);

    /**
     * Writes down the outcome, in a transaction, the claim still ours and the queue's columns already set; {@code
     * retryAt} is when a failed item is tried again, empty when it is given up. Returns whether the outcome took
     * effect (false when the item had changed meanwhile, e.g. an erasure won).
     */
    boolean record(WorkQueue.Claim claim, Outcome<R> outcome, Optional<Instant> retryAt);

    /** What an attempt came to: done or failed (to be retried), a code the item keeps, and what was found. */
    record Outcome<R>(boolean done, String code, boolean stopRound, boolean refused, R value) {

        public static <R> Outcome<R> done(String code) {
            return new Outcome<>(true, code, false, false, null);
        }

        public static <R> Outcome<R> done(String code, R value) {
            return new Outcome<>(true, code, false, false, value);
        }

        public static <R> Outcome<R> failed(String code) {
            return new Outcome<>(false, code, false, false, null);
        }

        /** Failed for a reason every item would fail for now (the scanner went): the round ends here. */
        public static <R> Outcome<R> failedForAll(String code) {
            return new Outcome<>(false, code, true, false, null);
        }

        /** Not to be done at all (no longer allowed): given up at once, whatever the schedule says. */
        public static <R> Outcome<R> refused(String code) {
            return new Outcome<>(false, code, false, true, null);
        }
    }
}
