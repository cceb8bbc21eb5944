package com.example.ats.work;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one way the service works through queued items with several replicas (ADR 0023). Due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease in a short transaction, so two replicas never take the same item and
 * none waits for another; an item is done with no transaction open; its outcome is written only while the lease is
 * still ours. An attempt is counted when it is made (just before the item is done), never when it is claimed: an
 * item claimed but not begun (too little of its lease left) keeps its count, and one whose replica died mid-attempt
 * has its attempt counted, since it may have had its effect. Failed items wait for their kind's {@link
 * RetrySchedule}.
 */
@ApplicationScoped
public class WorkQueue {

    private final EntityManager entityManager;
    private final Clock clock;

    WorkQueue(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A claimed item: ours until {@code lease} (a lease compared with the stored one, so kept to microseconds). */
    public record Claim(UUID id, Instant lease, Instant claimedAt) {}

    /** A claimed item with what doing it needs. */
    public record Item<T>(Claim claim, T payload) {}

    /** What one batch came to: items claimed, outcomes that took effect, and whether it ended early. */
    public record Batch(int claimed, int recorded, boolean stopped) {}

    /** Claims one batch, does it and records the outcomes. */
    public <T, R> Batch runBatch(Work<T, R> work) {
        return run(work, claim(work));
    }

    /** Claims up to a batch of due items of a kind and reads what they need, in one transaction. */
    public <T> List<Item<T>> claim(Work<T, ?> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Instant lease = now.plus(work.kind().lease()).truncatedTo(ChronoUnit.MICROS);
            List<UUID> ids = lockDue(
                    work.kind().table(),
                    work.candidates(now, work.kind().batch()),
                    work.kind().batch(),
                    now);
            if (ids.isEmpty()) {
                return List.of();
            }
            entityManager
                    .createNativeQuery("update " + work.kind().table().table() + " w set "
                            + work.kind().table().lease() + " = :lease where w.id in (:ids)")
                    .setParameter("lease", lease)
                    .setParameter("ids", ids)
                    .executeUpdate();
            Map<UUID, T> payloads = work.load(ids);
            List<Item<T>> items = new ArrayList<>();
            for (UUID id : ids) {
                if (payloads.containsKey(id)) {
                    items.add(new Item<>(new Claim(id, lease, now), payloads.get(id)));
                }
            }
            return items;
        });
    }

    /** Does claimed items (in turn, or several at once) and records each outcome. */
    public <T, R> Batch run(Work<T, R> work, List<Item<T>> items) {
        if (items.isEmpty()) {
            return new Batch(0, 0, false);
        }
        AtomicBoolean stopped = new AtomicBoolean();
        if (work.kind().parallelism() == 1) { // in turn, in the order claimed (a receipt before what follows it)
            int recorded = 0;
            for (Item<T> item : items) {
                recorded += attempt(work, item, stopped) ? 1 : 0;
            }
            return new Batch(items.size(), recorded, stopped.get());
        }
        Semaphore slots = new Semaphore(work.kind().parallelism(), true);
        List<Boolean> recorded = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (Item<T> item : items) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return attempt(work, item, stopped);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<Boolean> future : futures) {
                recorded.add(outcomeOf(future));
            }
        }
        return new Batch(items.size(), (int) recorded.stream().filter(b -> b).count(), stopped.get());
    }

    private static boolean outcomeOf(Future<Boolean> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return false; // left to its lease: the item is claimed again once it runs out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T, R> boolean attempt(Work<T, R> work, Item<T> item, AtomicBoolean stopped) {
        if (stopped.get() || !begin(work, item.claim())) {
            release(work.kind().table(), item.claim());
            return false;
        }
        Work.Outcome<R> outcome;
        try {
            outcome = work.perform(item.payload());
        } catch (RuntimeException e) { // a defect, not an outcome: still an attempt, retried on the schedule
            Log.warnf("Work item %s failed: %s", item.claim().id(), e.getClass().getSimpleName());
            outcome = Work.Outcome.failed("ERROR");
        }
        if (outcome.stopRound()) {
            stopped.set(true);
        }
        try {
            return finish(work, item.claim(), outcome);
        } catch (RuntimeException e) { // left to its lease: claimed again once it runs out
            Log.warnf(
                    "Outcome of work item %s not recorded: %s",
                    item.claim().id(), e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * Counts the attempt about to be made, if the claim is still ours and enough of its lease is left to finish it;
     * false when it is not to be made.
     */
    public boolean begin(Work<?, ?> work, Claim claim) {
        WorkTable table = work.kind().table();
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                                .createNativeQuery("update " + table.table() + " w set " + table.attempts() + " = w."
                                        + table.attempts() + " + 1 where w.id = :id and w." + table.lease()
                                        + " = :lease"
                                        + " and w." + table.lease() + " > :finishBy")
                                .setParameter("id", claim.id())
                                .setParameter("lease", claim.lease())
                                .setParameter(
                                        "finishBy",
                                        clock.instant().plus(work.kind().attemptTakes()))
                                .executeUpdate()
                        == 1);
    }

    /** Gives a claim back without an attempt, if it is still ours: the item is free to be claimed at once. */
    private void release(WorkTable table, Claim claim) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update " + table.table() + " w set " + table.lease() + " = null"
                                + " where w.id = :id and w." + table.lease() + " = :lease")
                        .setParameter("id", claim.id())
                        .setParameter("lease", claim.lease())
                        .executeUpdate());
    }

    /** Records an outcome if the claim is still ours (not taken over after its lease ran out, not deleted). */
    private <R> boolean finish(Work<?, R> work, Claim claim, Work.Outcome<R> outcome) {
        WorkTable table = work.kind().table();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> attempts = entityManager
                    .createNativeQuery("select w." + table.attempts() + " from " + table.table() + " w"
                            + " where w.id = :id and w." + table.lease() + " = :lease for update")
                    .setParameter("id", claim.id())
                    .setParameter("lease", claim.lease())
                    .getResultList();
            if (attempts.isEmpty()) {
                return false;
            }
            if (outcome.stopRound()) {
                // failed for a reason outside the item (the scanner went): not its attempt, free again at once
                entityManager
                        .createNativeQuery("update " + table.table() + " w set " + table.lease() + " = null, "
                                + table.attempts() + " = greatest(w." + table.attempts() + " - 1, 0) where w.id = :id")
                        .setParameter("id", claim.id())
                        .executeUpdate();
                return false;
            }
            Optional<Instant> retryAt = outcome.done() || outcome.refused()
                    ? Optional.empty()
                    : work.kind().retries().next(((Number) attempts.getFirst()).intValue(), clock.instant());
            String retry = retryAt.isPresent() ? ", " + table.retryAt() + " = :retryAt" : "";
            var update = entityManager
                    .createNativeQuery("update " + table.table() + " w set " + table.lease() + " = null" + retry
                            + " where w.id = :id")
                    .setParameter("id", claim.id());
            retryAt.ifPresent(at -> update.setParameter("retryAt", at));
            update.executeUpdate();
            return work.record(claim, outcome, retryAt);
        });
    }

    /**
     * Locks up to {@code limit} due items of a kind done inside the caller's transaction (the lock is the claim; a
     * replica that dies lets go of it with its connection), in the kind's order, skipping those another holds.
     */
    public List<UUID> lockDue(WorkTable table, int limit, Instant now) {
        return lockDue(table, null, limit, now);
    }

    private List<UUID> lockDue(WorkTable table, List<UUID> candidates, int limit, Instant now) {
        if (candidates != null && candidates.isEmpty()) {
            return List.of();
        }
        String among = candidates == null ? "" : " and w.id in (:candidates)";
        var query = entityManager
                .createNativeQuery(
                        "select w.id from " + table.table() + " w where " + table.dueNow() + among + " order by "
                                + table.order() + " limit :limit for update of w skip locked",
                        UUID.class)
                .setParameter("now", now)
                .setParameter("limit", limit);
        if (candidates != null) {
            query.setParameter("candidates", candidates);
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = new ArrayList<>(query.getResultList());
        if (candidates != null) {
            ids.sort(Comparator.comparingInt(candidates::indexOf));
        }
        return ids;
    }

    /**
     * Records a failed attempt of items locked in the caller's transaction: each counts one attempt more and waits
     * for the schedule (a schedule that gives up is not for locked work: it would leave the item due forever).
     */
    public void retryLater(WorkTable table, Collection<UUID> ids, RetrySchedule schedule) {
        Instant now = clock.instant();
        for (UUID id : ids) {
            Number made = (Number) entityManager
                    .createNativeQuery("update " + table.table() + " w set " + table.attempts() + " = w."
                            + table.attempts() + " + 1 where w.id = :id returning w." + table.attempts())
                    .setParameter("id", id)
                    .getSingleResult();
            Instant retryAt = schedule.next(made.intValue(), now)
                    .orElseThrow(() -> new IllegalStateException("locked work must never be given up"));
            entityManager
                    .createNativeQuery(
                            "update " + table.table() + " w set " + table.retryAt() + " = :at" + " where w.id = :id")
                    .setParameter("at", retryAt)
                    .setParameter("id", id)
                    .executeUpdate();
        }
    }
}
