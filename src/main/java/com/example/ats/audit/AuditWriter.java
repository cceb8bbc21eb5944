package com.example.ats.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit of audit events: one writer thread takes every event waiting and writes them in one transaction;
 * each caller returns only after the transaction holding its event committed (ADR 0017). A staff read therefore
 * still answers only after its audit event is stored, but concurrent reads share one commit instead of one each.
 * When a batch fails, its events are written one by one, so a bad event fails its own caller only.
 */
@ApplicationScoped
class AuditWriter {

    /** Events per transaction at most; more wait for the next one. */
    static final int MAX_BATCH = 256;

    /** A caller gives up after this long (the answer fails; the event may still be committed later). */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

    private final BlockingQueue<Pending> waiting = new LinkedBlockingQueue<>();
    private final AuditEventRepository events;
    private final DistributionSummary batchSizes;
    private Thread writer;
    private boolean stopped;

    AuditWriter(AuditEventRepository events, MeterRegistry registry) {
        this.events = events;
        this.batchSizes = DistributionSummary.builder("ats.audit.batch.size")
                .description("Audit events written per transaction (group commit)")
                .register(registry);
    }

    /** Returns once the event is committed; throws when it could not be. */
    void write(AuditRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        start();
        waiting.add(pending);
        try {
            pending.committed().get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Audit event not written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Audit event not committed within " + COMMIT_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the audit event was written", e);
        }
    }

    private synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("The audit writer has stopped");
        }
        if (writer == null) {
            writer = Thread.ofPlatform().name("audit-writer").daemon().start(this::run);
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (writer != null) {
            writer.interrupt();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                batch.add(waiting.take());
                waiting.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            batch.forEach(Pending::stopped);
            waiting.forEach(Pending::stopped);
        }
    }

    private void commit(List<Pending> batch) {
        try {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(pending -> events.persist(pending.entity())));
            batchSizes.record(batch.size());
            batch.forEach(Pending::done);
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.getFirst().failed(batchFailed);
                return;
            }
            Log.warnf("An audit batch of %d events failed; writing them one by one", batch.size());
            for (Pending pending : batch) {
                commit(List.of(pending));
            }
        }
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
