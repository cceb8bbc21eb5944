package com.example.ats.purge;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replicas purge side by side: two purge workers, each on its own database connection and transactions, share a
 * backlog of a few thousand expired applications; each application is purged exactly once, and neither fails.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class ConcurrentPurgeTest {

    private static final int EXPIRED = 3000;

    @Inject
    TestClock clock;

    @Inject
    Purger purger;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void twoWorkersPurgeEachApplicationExactlyOnce() throws Exception {
        String batch = seedExpired(EXPIRED);

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Purger.Run>> runs = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                runs.add(workers.submit(() -> {
                    start.await();
                    return purger.run();
                }));
            }
            start.countDown();
        }
        Purger.Run first = runs.get(0).get();
        Purger.Run second = runs.get(1).get();

        assertThat(first.completed()).isTrue();
        assertThat(second.completed()).isTrue();
        assertThat(first.purged() + second.purged()).isGreaterThanOrEqualTo(EXPIRED);
        assertThat(first.purged()).as("both workers took a share").isPositive();
        assertThat(second.purged()).as("both workers took a share").isPositive();
        Object[] outcome = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select (select count(*) from application where policy_version = ?1),"
                        + " (select count(*) from purge_record where policy_version = ?1),"
                        + " (select count(distinct application_id) from purge_record where policy_version = ?1),"
                        + " (select coalesce(sum(objects_removed), 0) from purge_record where policy_version = ?1)")
                .setParameter(1, batch)
                .getSingleResult());
        assertThat(((Number) outcome[0]).longValue()).as("applications left").isZero();
        assertThat(((Number) outcome[1]).longValue()).as("purge records").isEqualTo(EXPIRED);
        assertThat(((Number) outcome[2]).longValue()).as("applications purged").isEqualTo(EXPIRED);
        assertThat(((Number) outcome[3]).longValue()).as("objects removed").isEqualTo(2L * EXPIRED);
    }

    /**
     * Inserts expired applications with two document rows each, marked by a policy version of their own so the
     * test finds them among others; their object keys point at nothing (removing a missing object is not an error).
     */
    private String seedExpired(int count) {
        String batch = "seed-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("insert into application (id, status, applied_at, expires_at, policy_version,"
                            + " access_token_hash) select gen_random_uuid(), 'RECEIVED', now() - interval '30 days',"
                            + " now() - interval '2 days' + n * interval '1 millisecond', ?1,"
                            + " sha256(convert_to(?1 || n, 'UTF8')) from generate_series(1, ?2) n")
                    .setParameter(1, batch)
                    .setParameter(2, count)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("insert into applicant (application_id, email) select id, 'seed@example.org'"
                            + " from application where policy_version = ?1")
                    .setParameter(1, batch)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("insert into document (id, application_id, kind, file_name, media_type,"
                            + " size_bytes, sha256, object_key, created_at) select gen_random_uuid(), a.id, k.kind,"
                            + " 'f.pdf', 'application/pdf', 1, repeat('0', 64),"
                            + " 'applications/' || a.id || '/' || gen_random_uuid(), now()"
                            + " from application a, (values ('CV'), ('MOTIVATION_LETTER')) k(kind)"
                            + " where a.policy_version = ?1")
                    .setParameter(1, batch)
                    .executeUpdate();
        });
        return batch;
    }
}
