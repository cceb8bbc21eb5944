package com.example.ats.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** ADR 0017: concurrent callers share commits, and each returns only once its own event is committed. */
@QuarkusTest
class AuditGroupCommitTest {

    @Inject
    AuditLog audit;

    @Inject
    AuditEventRepository events;

    @Inject
    MeterRegistry registry;

    @Test
    void eachCallerReturnsOnlyAfterItsEventIsCommittedAndConcurrentCallersShareCommits() throws Exception {
        int callers = 64;
        String run = UUID.randomUUID().toString();
        long batchesBefore = batches();
        List<Long> seenAtReturn = concurrently(callers, i -> {
            String actor = run + "-" + i;
            audit.record(actor, "RECRUITER", AuditAction.APPLICATION_READ, UUID.randomUUID(), null);
            // Read from another transaction, right after record returned: the event must already be committed.
            return QuarkusTransaction.requiringNew().call(() -> events.count("actor", actor));
        });

        assertThat(seenAtReturn).hasSize(callers).containsOnly(1L);
        assertThat(batches() - batchesBefore)
                .as("transactions for %d concurrent events", callers)
                .isLessThan(callers);
    }

    @Test
    void aFailingEventFailsOnlyItsOwnCaller() throws Exception {
        String run = UUID.randomUUID().toString();
        String tooLong = "x".repeat(1001); // detail is varchar(1000)
        List<Boolean> stored = concurrently(33, i -> {
            String actor = run + "-" + i;
            try {
                audit.record(actor, "RECRUITER", AuditAction.APPLICATION_READ, null, i == 16 ? tooLong : "fine");
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });

        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i)).as("caller %d", i).isEqualTo(i != 16);
            String actor = run + "-" + i;
            assertThat(QuarkusTransaction.requiringNew().call(() -> events.count("actor", actor)))
                    .isEqualTo(i == 16 ? 0L : 1L);
        }
    }

    @Test
    void anEventStaysWhenTheCallersTransactionRollsBack() {
        String actor = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    audit.record(actor, "RECRUITER", AuditAction.APPLICATION_READ, null, null);
                    throw new IllegalStateException("the audited work fails");
                }))
                .hasMessageContaining("the audited work fails");

        assertThat(QuarkusTransaction.requiringNew().call(() -> events.count("actor", actor)))
                .isEqualTo(1L);
    }

    @Test
    void onlyAnEventsOwnDataErrorIsRetriedOneByOne() {
        assertThat(AuditWriter.isDataError(new IllegalStateException(new SQLException("too long", "22001"))))
                .isTrue();
        assertThat(AuditWriter.isDataError(new IllegalStateException(new SQLException("duplicate", "23505"))))
                .isTrue();
        // The database away or the pool exhausted: every event would fail alike, so the batch fails at once.
        assertThat(AuditWriter.isDataError(new IllegalStateException(new SQLException("refused", "08001"))))
                .isFalse();
        assertThat(AuditWriter.isDataError(new IllegalStateException("no connection")))
                .isFalse();
    }

    private long batches() {
        return registry.get("ats.audit.batch.size").summary().count();
    }

    private interface Call<T> {
        T call(int index) throws Exception;
    }

    /** Runs the calls on threads of their own, released together. */
    private static <T> List<T> concurrently(int count, Call<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                results.add(threads.submit(() -> {
                    start.await();
                    return call.call(index);
                }));
            }
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            threads.shutdownNow();
        }
    }
}
