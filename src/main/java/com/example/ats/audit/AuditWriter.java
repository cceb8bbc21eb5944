package com.example.ats.audit;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit of audit events, led by the callers themselves (ADR 0017): a caller queues its event, and whoever finds
 * no commit under way leads: it takes every event waiting (its own among them) and writes them in one transaction,
 * then hands the lead to the first caller still waiting. Each caller returns only after the transaction holding its
 * event committed. A lone read commits on its own thread, with no hand-off; concurrent reads share one commit and
 * cost one wake-up each. When a batch fails on the data of an event, its events are written one by one, so a bad
 * event fails its own caller only; any other failure (the database away) fails the batch's callers at once.
 */
@ApplicationScoped
class AuditWriter {

    /** Events per transaction at most; more wait for the next one. */
    private static final int MAX_BATCH = 256;

    /** Events waiting at most; beyond, a read is refused at once (503) rather than queued behind an outage. */
    private static final int MAX_WAITING = 4096;

    /** A caller gives up after this long (the answer fails; its event is then not written). */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    /** Held by the caller that is writing a batch; the others wait to be released or handed the lead. */
    private final AtomicBoolean leading = new AtomicBoolean();

    private final AuditEventRepository events;
    private final DistributionSummary batchSizes;
    private boolean stopped;

    AuditWriter(AuditEventRepository events, MeterRegistry registry) {
        this.events = events;
        this.batchSizes = DistributionSummary.builder("ats.audit.batch.size")
                .description("Audit events written per transaction (group commit)")
                .register(registry);
        Gauge.builder("ats.audit.waiting", waiting, BlockingQueue::size)
                .description("Audit events waiting for their transaction")
                .register(registry);
    }

    /** Returns once the event is committed; throws when it could not be. */
    void write(AuditRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>(), Thread.currentThread());
        enqueue(pending);
        long deadline = System.nanoTime() + COMMIT_TIMEOUT.toNanos();
        while (!pending.committed().isDone()) {
            if (leading.compareAndSet(false, true)) {
                try {
                    commitWaiting();
                } finally {
                    leading.set(false);
                    handOver(); // callers that queued during this commit: the first of them leads the next
                }
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                giveUp(pending, left <= 0);
            }
            LockSupport.parkNanos(this, left); // until committed, handed the lead, or out of time
        }
        try {
            pending.committed().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Audit event not written", e.getCause());
        } catch (CancellationException | InterruptedException e) {
            throw new IllegalStateException("Audit event not written", e);
        }
    }

    /** Under the lock that {@link #stop()} takes, so no event is queued after the queue was released. */
    private synchronized void enqueue(Pending pending) {
        if (stopped) {
            throw new IllegalStateException("The audit writer has stopped");
        }
        if (!waiting.offer(pending)) {
            throw new ApiException(
                    ProblemType.SERVICE_UNAVAILABLE, "Too many audit events are waiting to be written; try again");
        }
    }

    /**
     * A caller out of time (or interrupted) withdraws its event, and hands the lead on: it may have been handed the
     * lead itself. A leader that had already taken the event may still commit it: the trail then records a read that
     * was not answered, the safe side (ADR 0003: it records who tried).
     */
    private void giveUp(Pending pending, boolean timedOut) {
        boolean withdrawn = pending.committed().cancel(false); // a leader that has not taken it yet skips it
        handOver();
        if (!withdrawn) {
            return; // committed (or failed) meanwhile: write() reads the outcome
        }
        if (timedOut) {
            throw new IllegalStateException("Audit event not committed within " + COMMIT_TIMEOUT);
        }
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the audit event was written");
    }

    /** Wakes the first caller still waiting, which then leads the next commit; withdrawn events are dropped. */
    private void handOver() {
        Pending next;
        while ((next = waiting.peek()) != null && next.committed().isDone()) {
            waiting.remove(next);
        }
        if (next != null) {
            LockSupport.unpark(next.caller());
        }
    }

    @PreDestroy
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        Pending pending;
        while ((pending = waiting.poll()) != null) {
            pending.stopped();
        }
    }

    /** Writes up to {@link #MAX_BATCH} waiting events, those still wanted, in one transaction. */
    private void commitWaiting() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        waiting.drainTo(batch, MAX_BATCH);
        batch.removeIf(pending -> pending.committed().isDone());
        try {
            commit(batch);
        } catch (Throwable unexpected) { // an Error must not leave callers waiting
            batch.forEach(pending -> pending.failed(new IllegalStateException("Audit batch failed", unexpected)));
            Log.errorf(
                    "Audit batch of %d events failed: %s",
                    batch.size(), unexpected.getClass().getName());
            if (unexpected instanceof VirtualMachineError error) {
                throw error;
            }
        }
    }

    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(pending -> events.persist(pending.entity())));
            batchSizes.record(batch.size());
            batch.forEach(Pending::done);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1 || !isDataError(batchFailed)) {
                batch.forEach(pending -> pending.failed(batchFailed));
                return;
            }
            Log.warnf("An audit batch of %d events failed on one's data; writing them one by one", batch.size());
            for (Pending pending : batch) {
                commit(List.of(pending));
            }
        }
    }

    /** PostgreSQL's data exceptions and constraint violations (SQLSTATE classes 22, 23): one event's fault. */
    static boolean isDataError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23");
            }
        }
        return false;
    }

    /** An event waiting for its commit, and the caller to wake when it is done. */
    private record Pending(AuditRecord record, CompletableFuture<Void> committed, Thread caller) {

        /** A new entity each attempt: one from a rolled-back transaction is not reused. */
        AuditEvent entity() {
            return record.toEntity();
        }

        void done() {
            committed.complete(null);
            LockSupport.unpark(caller);
        }

        void failed(RuntimeException e) {
            committed.completeExceptionally(e);
            LockSupport.unpark(caller);
        }

        void stopped() {
            failed(new IllegalStateException("The audit writer stopped"));
        }
    }
}
