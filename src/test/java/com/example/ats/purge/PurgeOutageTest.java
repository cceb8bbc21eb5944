package com.example.ats.purge;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.example.ats.intake.FaultProxiesProfile;
import com.example.ats.retention.Applications;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** MinIO is unreachable when the purge runs: the run fails softly (503, metric), keeps every row, and a later run completes. */
@QuarkusTest
@TestProfile(FaultProxiesProfile.class)
@Tag(StoreUnderTest.STORAGE)
class PurgeOutageTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void heal() {
        FaultProxiesProfile.STORAGE.heal();
        clock.reset();
    }

    @Test
    void aStoreOutageKeepsTheRowsAndTheNextRunRetries() {
        Applications.Submitted application = Applications.submit(false);
        clock.travelTo(application.expiresAt().plus(Duration.ofMinutes(1)));
        FaultProxiesProfile.STORAGE.cutAfter(0);

        as("privacy-officer")
                .post("/api/v1/retention/runs")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));

        assertThat(Applications.rows(entityManager, application.id()))
                .containsEntry("application", 1L)
                .containsEntry("document", 2L);
        assertThat(Applications.objects(application.id())).hasSize(2);
        String metrics = anonymous().get("/q/metrics").then().extract().asString();
        assertThat(metrics).containsPattern("ats_retention_purge_failures_total [1-9]");
        assertThat(metrics).containsPattern("ats_retention_overdue [1-9]");

        FaultProxiesProfile.STORAGE.heal();
        as("privacy-officer")
                .post("/api/v1/retention/runs")
                .then()
                .statusCode(200)
                .body("purged", greaterThanOrEqualTo(1));
        Applications.assertNoRows(entityManager, application.id());
        assertThat(Applications.objects(application.id())).isEmpty();
        assertThat(Applications.purgeRecords(entityManager, application.id())).isEqualTo(1);
    }
}
