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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit of audit events: one writer thread takes every event waiting and writes them in one transaction;
 * each caller returns only after the transaction holding its event committed (ADR 0017). A staff read therefore
 * still answers only after its audit event is stored, but concurrent reads share one commit instead of one each.
 * When a batch fails on the data of an event, its events are written one by one, so a bad event fails its own
 * caller only; any other failure (the database away) fails the batch's callers at once.
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
    private final AuditEventRepository events;
    private final DistributionSummary batchSizes;
    private Thread writer;
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
        Pending pending = new Pending(record, new CompletableFuture<>());
        enqueue(pending);
        try {
            pending.committed().get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Audit event not written", e.getCause());
        } catch (TimeoutException e) {
            pending.committed().cancel(false); // the writer skips it: no answer was given, nothing to record
            throw new IllegalStateException("Audit event not committed within " + COMMIT_TIMEOUT, e);
        } catch (InterruptedException e) {
            pending.committed().cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit event was written", e);
        }
    }

    /** Under the lock that {@link #stop()} takes, so no event is queued after the writer drained the queue. */
    private synchronized void enqueue(Pending pending) {
        if (stopped) {
            throw new IllegalStateException("The audit writer has stopped");
        }
        if (writer == null || !writer.isAlive()) {
            writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::run);
        }
        if (!waiting.offer(pending)) {
            throw new ApiException(
                    ProblemType.SERVICE_UNAVAILABLE, "Too many audit events are waiting to be written; try again");
        }
    }

    @PreDestroy
    void stop() {
        Thread running;
        synchronized (this) {
            stopped = true;
            running = writer;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        waiting.forEach(Pending::stopped);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                batch.removeIf(pending -> pending.committed().isCancelled());
                try {
                    commit(batch);
                } catch (Throwable unexpected) { // an Error must not leave callers waiting or the writer dead
                    batch.forEach(
                            pending -> pending.failed(new IllegalStateException("Audit batch failed", unexpected)));
                    Log.errorf(
                            "Audit batch of %d events failed: %s",
                            batch.size(), unexpected.getClass().getName());
                    if (unexpected instanceof VirtualMachineError) {
                        throw unexpected;
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.forEach(Pending::stopped);
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

    private record Pending(AuditRecord record, CompletableFuture<Void> committed) {

        /** A new entity each attempt: one from a rolled-back transaction is not reused. */
        AuditEvent entity() {
            return record.toEntity();
        }

        void done() {
            committed.complete(null);
        }

        void failed(RuntimeException e) {
            committed.completeExceptionally(e);
        }

        void stopped() {
            committed.completeExceptionally(new IllegalStateException("The audit writer stopped"));
        }
    }
}
