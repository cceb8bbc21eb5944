package com.example.ats.purge;

import static com.example.ats.shared.Api.as;
import static com.example.ats.shared.Api.asHrTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.retention.Applications;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The privacy statement's deletion promises, end to end on the real servers: applications come in through the
 * public intake, the clock travels, the purge runs, and PostgreSQL and MinIO are asked what is left.
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class PurgeTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    TestClock clock;

    @Inject
    Purger purger;

    @Inject
    RetentionPolicy policy;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void withoutConsentTheApplicationGoesTwentyEightDaysAfterItCameAndNotASecondEarlier() {
        Applications.Submitted application = Applications.submit(false);
        assertThat(application.expiresAt())
                .isEqualTo(
                        application.appliedAt().atZone(AMSTERDAM).plusDays(28).toInstant());
        assertThat(Applications.objects(application.id())).hasSize(2);

        clock.travelTo(application.expiresAt().minusSeconds(1));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("application", 1L);
        assertThat(Applications.objects(application.id())).hasSize(2);
        assertThat(Applications.purgeRecords(entityManager, application.id())).isZero();

        clock.travelTo(application.expiresAt());
        Purger.Run run = purger.run();

        assertThat(run.completed()).isTrue();
        Applications.assertNoRows(entityManager, application.id());
        assertThat(Applications.objects(application.id())).isEmpty();
        assertThat(Applications.purgeRecords(entityManager, application.id())).isEqualTo(1);

        purger.run();
        assertThat(Applications.purgeRecords(entityManager, application.id())).isEqualTo(1);
    }

    @Test
    void thePurgeRecordProvesTheDeletionWithoutPersonalData() {
        Applications.Submitted application = Applications.submit(false);
        clock.travelTo(application.expiresAt().plusSeconds(1));
        purger.run();

        as("privacy-officer")
                .queryParam("applicationId", application.id().toString())
                .get("/api/v1/retention/purges")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].applicationId", equalTo(application.id().toString()))
                .body("items[0].expiresAt", equalTo(application.expiresAt().toString()))
                .body("items[0].reason", equalTo("EXPIRED"))
                .body("items[0].policyVersion", equalTo(policy.version()))
                .body("items[0].objectsRemoved", equalTo(2))
                .body("items[0].keyDestroyed", equalTo(true))
                .body(
                        "items[0].keySet()",
                        containsInAnyOrder(
                                "applicationId",
                                "expiresAt",
                                "purgedAt",
                                "reason",
                                "policyVersion",
                                "objectsRemoved",
                                "keyDestroyed"));
    }

    @Test
    void withConsentTheApplicationStaysTwelveCalendarMonths() {
        Applications.Submitted application = Applications.submit(true);
        assertThat(application.expiresAt())
                .isEqualTo(
                        application.appliedAt().atZone(AMSTERDAM).plusMonths(12).toInstant());

        clock.travelTo(application.appliedAt().plus(Duration.ofDays(29)));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("application", 1L);

        clock.travelTo(application.expiresAt().minusSeconds(1));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("document", 2L);

        clock.travelTo(application.expiresAt());
        purger.run();
        Applications.assertNoRows(entityManager, application.id());
        assertThat(Applications.objects(application.id())).isEmpty();
    }

    @Test
    void withdrawalWithinTheFourWeeksBringsTheExpiryBackToTheNoConsentDate() {
        Applications.Submitted application = Applications.submit(true);
        clock.travel(Duration.ofDays(10));

        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false, "channel", "EMAIL"))
                .put("/api/v1/applications/" + application.id() + "/retention-consent")
                .then()
                .statusCode(200)
                .body("granted", equalTo(false))
                .body("lastAction", equalTo("WITHDRAWN"))
                .body("channel", equalTo("EMAIL"))
                .body(
                        "expiresAt",
                        equalTo(application
                                .appliedAt()
                                .atZone(AMSTERDAM)
                                .plusDays(28)
                                .toInstant()
                                .toString()));

        assertThat(recordedBy(application)).isEqualTo("recruiter");
    }

    @Test
    void withdrawalAfterTheFourWeeksPurgesAtTheNextRun() {
        Applications.Submitted application = Applications.submit(true);
        clock.travel(Duration.ofDays(60));
        Instant before = clock.instant();

        String expiresAt = as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false, "channel", "PHONE"))
                .put("/api/v1/applications/" + application.id() + "/retention-consent")
                .then()
                .statusCode(200)
                .extract()
                .path("expiresAt");
        assertThat(Instant.parse(expiresAt)).isBetween(before, clock.instant());

        purger.run();
        Applications.assertNoRows(entityManager, application.id());
        assertThat(Applications.objects(application.id())).isEmpty();
    }

    @Test
    void aRecruiterOrHrAdminCannotDeleteByRecordingAWithdrawalThatMakesTheApplicationDueAtOnce() {
        Applications.Submitted application = Applications.submit(true);
        clock.travel(Duration.ofDays(60));
        String path = "/api/v1/applications/" + application.id() + "/retention-consent";

        for (String role : List.of("recruiter", "hr-admin")) {
            as(role).contentType(ContentType.JSON)
                    .body(Map.of("granted", false, "channel", "PHONE"))
                    .put(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("detail", containsString("privacy officer"));
        }
        as("recruiter")
                .get("/api/v1/applications/" + application.id())
                .then()
                .statusCode(200)
                .body("retentionConsent.granted", equalTo(true))
                .body("retentionConsent.lastAction", equalTo("GRANTED"));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("application", 1L);
    }

    @Test
    void consentGivenLaterStartsTwelveMonthsFromThatMoment() {
        Applications.Submitted application = Applications.submit(false);
        clock.travel(Duration.ofDays(20));

        var state = as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "2026-01", "channel", "PHONE"))
                .put("/api/v1/applications/" + application.id() + "/retention-consent")
                .then()
                .statusCode(200)
                .body("granted", equalTo(true))
                .body("textVersion", equalTo("2026-01"))
                .extract()
                .jsonPath();
        Instant since = Instant.parse(state.getString("since"));
        Instant expiresAt = Instant.parse(state.getString("expiresAt"));
        assertThat(expiresAt).isEqualTo(since.atZone(AMSTERDAM).plusMonths(12).toInstant());

        clock.travelTo(application.expiresAt().plus(Duration.ofDays(1)));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("application", 1L);

        clock.travelTo(expiresAt);
        purger.run();
        Applications.assertNoRows(entityManager, application.id());
    }

    @Test
    void staffRecordConsentOnlyByAnotherChannelThanTheWebAndWithTheTextWhenGranted() {
        Applications.Submitted application = Applications.submit(false);
        String path = "/api/v1/applications/" + application.id() + "/retention-consent";

        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "2026-01", "channel", "WEB"))
                .put(path)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("channel"));
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "channel", "EMAIL"))
                .put(path)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("textVersion"));
        asHrTool()
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "2026-01", "channel", "EMAIL"))
                .put(path)
                .then()
                .statusCode(403);
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", true, "textVersion", "2026-01", "channel", "EMAIL"))
                .put("/api/v1/applications/" + UUID.randomUUID() + "/retention-consent")
                .then()
                .statusCode(404);

        assertThat(Applications.rows(entityManager, application.id())).containsEntry("consent_event", 1L);
    }

    private String recordedBy(Applications.Submitted application) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery(
                        "select recorded_by from consent_event where application_id = ?1" + " and action = 'WITHDRAWN'")
                .setParameter(1, application.id())
                .getSingleResult());
    }
}
