package com.example.ats.purge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.retention.Applications;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The purge dies at its most delicate point, after removing a batch's files and before deleting its rows: the
 * transaction never commits, so the rows stay (and no purge record); the next run finishes the work, once.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class PurgeCrashTest {

    @Inject
    TestClock clock;

    @Inject
    Purger purger;

    @Inject
    DyingPurgeProbe probe;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void aRunThatDiesBetweenObjectAndRowDeletionIsCompletedByTheNextRun() {
        Applications.Submitted first = Applications.submit(false);
        Applications.Submitted second = Applications.submit(false);
        clock.travelTo(second.expiresAt().plus(Duration.ofMinutes(1)));

        probe.dieAtNextBatch();
        assertThatThrownBy(purger::run).isInstanceOf(DyingPurgeProbe.Death.class);

        for (Applications.Submitted application : new Applications.Submitted[] {first, second}) {
            assertThat(Applications.objects(application.id()))
                    .as("files removed")
                    .isEmpty();
            assertThat(Applications.rows(entityManager, application.id()))
                    .as("rows kept")
                    .containsEntry("application", 1L)
                    .containsEntry("document", 2L);
            assertThat(Applications.purgeRecords(entityManager, application.id()))
                    .isZero();
        }

        Purger.Run next = purger.run();

        assertThat(next.completed()).isTrue();
        for (Applications.Submitted application : new Applications.Submitted[] {first, second}) {
            Applications.assertNoRows(entityManager, application.id());
            assertThat(Applications.purgeRecords(entityManager, application.id()))
                    .isEqualTo(1);
        }
        purger.run();
        assertThat(Applications.purgeRecords(entityManager, first.id())).isEqualTo(1);
    }
}
