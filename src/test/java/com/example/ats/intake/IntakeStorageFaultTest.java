package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.shared.TestClock;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MinIO goes away in the middle of an intake: the applicant gets a 503, and nothing of the request remains. */
@QuarkusTest
@TestProfile(FaultProxiesProfile.class)
@Tag(StoreUnderTest.STORAGE)
class IntakeStorageFaultTest {

    private static final long MIB = 1024 * 1024;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    @Inject
    OrphanSweep sweep;

    @Inject
    TestClock clock;

    @AfterEach
    void heal() {
        FaultProxiesProfile.STORAGE.heal();
        clock.reset();
    }

    @Test
    void aStoreFailingMidIntakeLeavesNoRowAndAfterTheSweepNoObject() {
        StoredState before = StoredState.of(entityManager, store);
        // The CV (1 MiB) gets through; the connection dies during the motivation letter, and stays dead, so the
        // service cannot even remove the CV it wrote.
        FaultProxiesProfile.STORAGE.cutAfter(MIB + MIB / 2);

        Intake.request(Intake.form())
                .multiPart("cv", SampleFiles.text(MIB).toFile(), "text/plain")
                .multiPart("motivationLetter", SampleFiles.text(MIB).toFile(), "text/plain")
                .post(Intake.PATH)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:service-unavailable"));

        FaultProxiesProfile.STORAGE.heal();
        StoredState afterFailure = StoredState.of(entityManager, store);
        assertThat(afterFailure.rows()).isEqualTo(before.rows());
        assertThat(afterFailure.objects())
                .as("the CV written before the failure")
                .hasSize(before.objects().size() + 1);

        clock.travel(Duration.ofHours(2));
        sweep.sweep();

        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
    }

    @Test
    void aStoreFailingBeforeTheFirstByteLeavesNothing() {
        StoredState before = StoredState.of(entityManager, store);
        FaultProxiesProfile.STORAGE.cutAfter(0);

        Intake.valid()
                .post(Intake.PATH)
                .then()
                .statusCode(503)
                .body("type", equalTo("urn:ats:problem:service-unavailable"));

        FaultProxiesProfile.STORAGE.heal();
        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
    }
}
