package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.TestClock;
import com.example.ats.storage.ObjectKeys;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The sweep removes files no row references once they are past the grace period, and nothing else. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class OrphanSweepTest {

    @Inject
    OrphanSweep sweep;

    @Inject
    ObjectStore store;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void removesUnreferencedFilesOnlyAfterTheGracePeriod() {
        String kept = Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(201)
                .extract()
                .path("documents[0].id");
        String orphan = ObjectKeys.APPLICATIONS + UUID.randomUUID() + "/" + UUID.randomUUID();
        byte[] bytes = SampleFiles.pdf();
        store.put(orphan, new ByteArrayInputStream(bytes), bytes.length, "application/pdf");

        sweep.sweep();
        assertThat(store.exists(orphan))
                .as("an upload may still be on its way to the database")
                .isTrue();

        clock.travel(Duration.ofHours(1).plusMinutes(1));
        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

        assertThat(store.exists(orphan)).isFalse();
        assertThat(StoredStateKeys.all(store)).anyMatch(key -> key.endsWith("/" + kept));
    }
}
