package com.example.ats.purge;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.retention.Applications;
import com.example.ats.retention.ShortRetentionProfile;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On time: with periods set in seconds by configuration, the scheduled purge (every second here) removes an
 * application within one interval of its expiry, without anybody asking.
 */
@QuarkusTest
@TestProfile(ShortRetentionProfile.class)
@Tag(StoreUnderTest.STORAGE)
class ScheduledPurgeTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void theScheduleTakesAnExpiredApplicationWithinOneInterval() throws InterruptedException {
        Applications.Submitted withoutConsent = Applications.submit(false);
        Applications.Submitted withConsent = Applications.submit(true);
        assertThat(Duration.between(withoutConsent.appliedAt(), withoutConsent.expiresAt()))
                .isEqualTo(Duration.ofSeconds(20));
        assertThat(Duration.between(withConsent.appliedAt(), withConsent.expiresAt()))
                .isEqualTo(Duration.ofSeconds(40));

        clock.travelTo(withoutConsent.expiresAt());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(3)); // one interval, plus a run's own time
        while (Applications.rows(entityManager, withoutConsent.id()).get("application") > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        Applications.assertNoRows(entityManager, withoutConsent.id());
        assertThat(Applications.purgeRecords(entityManager, withoutConsent.id()))
                .isEqualTo(1);
        assertThat(Applications.rows(entityManager, withConsent.id())).containsEntry("application", 1L);
    }
}
