package com.example.ats.retention;

import static com.example.ats.shared.Api.anonymous;
import static com.example.ats.shared.Api.as;
import static com.example.ats.shared.Api.asHrTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.example.ats.shared.TestClock;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What the privacy officer sees and can do: the preview, a purge on demand, the records, the compliance metrics. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class RetentionApiTest {

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Inject
    RetentionPolicy policy;

    @Inject
    PolicyChangeRecorder policyChanges;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void thePreviewListsWhatGoesByThenAndThePurgeOnDemandTakesIt() {
        Applications.Submitted application = Applications.submit(false);

        as("hr-admin")
                .queryParam("until", application.expiresAt().minusSeconds(1).toString())
                .get("/api/v1/retention/preview")
                .then()
                .statusCode(200)
                .body("applicationId", not(hasItem(application.id().toString())));
        as("privacy-officer")
                .queryParam("until", application.expiresAt().toString())
                .get("/api/v1/retention/preview")
                .then()
                .statusCode(200)
                .body("find { it.applicationId == '" + application.id() + "' }.reason", equalTo("NO_CONSENT"))
                .body(
                        "find { it.applicationId == '" + application.id() + "' }.expiresAt",
                        equalTo(application.expiresAt().toString()));

        clock.travelTo(application.expiresAt());
        as("privacy-officer")
                .post("/api/v1/retention/runs")
                .then()
                .statusCode(200)
                .body("purged", greaterThanOrEqualTo(1))
                .body("objectsRemoved", greaterThanOrEqualTo(2))
                .body("startedAt", notNullValue());

        Applications.assertNoRows(entityManager, application.id());
        String metrics =
                anonymous().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("ats_retention_overdue 0.0", "ats_retention_overdue_oldest_age_seconds 0.0");
        assertThat(metrics).containsPattern("ats_retention_purged_total [1-9]");
    }

    @Test
    void onlyThePrivacyOfficerRunsThePurgeAndReadsTheRecords() {
        anonymous().post("/api/v1/retention/runs").then().statusCode(401);
        as("hr-admin").post("/api/v1/retention/runs").then().statusCode(403);
        asHrTool().post("/api/v1/retention/runs").then().statusCode(403);
        as("recruiter").get("/api/v1/retention/purges").then().statusCode(403);
        as("hr-admin").get("/api/v1/retention/purges").then().statusCode(403);
        as("recruiter").get("/api/v1/retention/preview").then().statusCode(403);
        anonymous().get("/api/v1/retention/preview").then().statusCode(401);
        as("privacy-officer")
                .queryParam("until", "tomorrow")
                .get("/api/v1/retention/preview")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        as("privacy-officer")
                .queryParam("reason", "BORED")
                .get("/api/v1/retention/purges")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void purgeRecordsComeAPageAtATimeInTheOrderTheyWereWritten() {
        for (int i = 0; i < 3; i++) {
            Applications.submit(false);
        }
        clock.travel(java.time.Duration.ofDays(29));
        as("privacy-officer").post("/api/v1/retention/runs").then().statusCode(200);

        var first = as("privacy-officer")
                .queryParam("limit", 2)
                .queryParam("reason", "EXPIRED")
                .get("/api/v1/retention/purges")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""))
                .extract()
                .jsonPath();
        List<String> firstIds = first.getList("items.applicationId");
        List<String> secondIds = as("privacy-officer")
                .queryParam("limit", 2)
                .queryParam("reason", "EXPIRED")
                .queryParam("cursor", first.getString("nextCursor"))
                .get("/api/v1/retention/purges")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.applicationId");
        assertThat(secondIds).isNotEmpty().doesNotContainAnyElementsOf(firstIds);
    }

    @Test
    void aChangedPolicyIsLoggedAndAuditedOnceAtStart() {
        assertThat(policyAudits()).last().isEqualTo(policy.version());

        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "insert into audit_event (id, occurred_at, actor, actor_role, action, detail)"
                                        + " values (gen_random_uuid(), now(), 'system', 'system', ?1, 'without=P1D;with=P1M')")
                        .setParameter(1, PolicyChangeRecorder.ACTION.name())
                        .executeUpdate());
        policyChanges.onStart(null);
        policyChanges.onStart(null);

        List<String> recorded = policyAudits();
        assertThat(recorded.subList(recorded.size() - 2, recorded.size()))
                .containsExactly("without=P1D;with=P1M", policy.version());
    }

    @SuppressWarnings("unchecked")
    private List<String> policyAudits() {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select detail from audit_event where action = ?1 order by occurred_at, id")
                        .setParameter(1, PolicyChangeRecorder.ACTION.name())
                        .getResultList());
    }
}
