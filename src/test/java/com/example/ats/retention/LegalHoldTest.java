package com.example.ats.retention;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.example.ats.purge.Purger;
import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A legal hold keeps an expired application until it is released or its end date passes; then the purge takes it. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class LegalHoldTest {

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
    void aHeldApplicationOutlivesItsExpiryAndGoesAtTheRunAfterRelease() {
        Applications.Submitted application = Applications.submit(false);
        String path = "/api/v1/applications/" + application.id() + "/legal-hold";
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute 2026-114"))
                .put(path)
                .then()
                .statusCode(200)
                .body("reason", equalTo("Dispute 2026-114"))
                .body("setBy", equalTo("hr-admin"));

        clock.travelTo(application.expiresAt().plus(Duration.ofDays(30)));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("document", 2L);
        assertThat(Applications.objects(application.id())).hasSize(2);
        as("privacy-officer")
                .queryParam("until", clock.instant().toString())
                .get("/api/v1/retention/preview")
                .then()
                .statusCode(200)
                .body("applicationId", not(hasItem(application.id().toString())));

        as("privacy-officer").delete(path).then().statusCode(204);
        as("privacy-officer")
                .queryParam("until", clock.instant().toString())
                .get("/api/v1/retention/preview")
                .then()
                .statusCode(200)
                .body("applicationId", hasItem(application.id().toString()));
        purger.run();

        Applications.assertNoRows(entityManager, application.id());
        assertThat(Applications.objects(application.id())).isEmpty();
        assertThat(auditActions(application.id())).contains("LEGAL_HOLD_SET", "LEGAL_HOLD_RELEASED");
    }

    @Test
    void aHoldWithAnEndDateProtectsUntilThatDate() {
        Applications.Submitted application = Applications.submit(false);
        Instant until = application.expiresAt().plus(Duration.ofDays(10));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Audit by the works council", "until", until.toString()))
                .put("/api/v1/applications/" + application.id() + "/legal-hold")
                .then()
                .statusCode(200)
                .body("until", equalTo(until.toString()));

        clock.travelTo(until.minusSeconds(1));
        purger.run();
        assertThat(Applications.rows(entityManager, application.id())).containsEntry("application", 1L);

        clock.travelTo(until);
        purger.run();
        Applications.assertNoRows(entityManager, application.id());
    }

    @Test
    void aHoldWhoseEndHasPassedIsNoHoldForTheDetailTheListThePreviewAndErasure() {
        Applications.Submitted application = Applications.submit(false);
        String id = application.id().toString();
        Instant until = clock.instant().plus(Duration.ofDays(3));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute 2026-120", "until", until.toString()))
                .put("/api/v1/applications/" + id + "/legal-hold")
                .then()
                .statusCode(200);
        as("recruiter").get("/api/v1/applications/" + id).then().body("legalHold.reason", equalTo("Dispute 2026-120"));

        clock.travelTo(application.expiresAt().plus(Duration.ofDays(1)));
        as("recruiter").get("/api/v1/applications/" + id).then().statusCode(200).body("legalHold", nullValue());
        as("recruiter")
                .queryParam("appliedFrom", application.appliedAt().toString())
                .queryParam(
                        "appliedTo", application.appliedAt().plusNanos(1_000).toString())
                .get("/api/v1/applications")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }.legalHold", equalTo(false));
        as("privacy-officer")
                .queryParam("until", clock.instant().toString())
                .get("/api/v1/retention/preview")
                .then()
                .body("applicationId", hasItem(id));
        as("privacy-officer")
                .queryParam("reason", "ERASURE_REQUEST")
                .delete("/api/v1/applications/" + id)
                .then()
                .statusCode(204);
        Applications.assertNoRows(entityManager, application.id());
    }

    @Test
    void onlyHrAdminsAndThePrivacyOfficerHoldAndTheRequestMustMakeSense() {
        Applications.Submitted application = Applications.submit(false);
        String path = "/api/v1/applications/" + application.id() + "/legal-hold";
        Map<String, String> hold = Map.of("reason", "Dispute");

        anonymous().contentType(ContentType.JSON).body(hold).put(path).then().statusCode(401);
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(hold)
                .put(path)
                .then()
                .statusCode(403);
        as("recruiter").delete(path).then().statusCode(403);
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " "))
                .put(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "Dispute",
                        "until",
                        clock.instant().minusSeconds(60).toString()))
                .put(path)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("until"));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(hold)
                .put("/api/v1/applications/" + UUID.randomUUID() + "/legal-hold")
                .then()
                .statusCode(404);

        assertThat(auditActions(application.id())).doesNotContain("LEGAL_HOLD_SET");
    }

    @SuppressWarnings("unchecked")
    private List<String> auditActions(UUID applicationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select action from audit_event where application_id = ?1 order by occurred_at")
                        .setParameter(1, applicationId)
                        .getResultList());
    }
}
