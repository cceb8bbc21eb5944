package com.example.ats.hr;

import static com.example.ats.shared.Api.as;
import static com.example.ats.shared.Api.asHrTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading one application and moving it through the pipeline, with If-Match, history and audit. */
@QuarkusTest
class StaffApplicationResourceTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theDetailShowsEverythingWeHoldWithAnETagAndTheReadIsAudited() {
        Submissions.Submitted application = Submissions.submit();

        String etag = as("recruiter")
                .get("/api/v1/applications/" + application.id())
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(application.id().toString()))
                .body("status", equalTo("RECEIVED"))
                .body("allowedTransitions", containsInAnyOrder("SCREENING", "REJECTED", "WITHDRAWN"))
                .body("applicant.firstName", equalTo(application.firstName()))
                .body("applicant.email", equalTo(application.email()))
                .body("applicant.address.city", equalTo("Utrecht"))
                .body("applicant.birthDate", equalTo("1995-04-17"))
                .body("statusHistory", hasSize(1))
                .body("statusHistory[0].to", equalTo("RECEIVED"))
                .body("documents.kind", containsInAnyOrder("CV", "MOTIVATION_LETTER"))
                .body("documents.find { it.kind == 'CV' }.sha256", notNullValue())
                .body("retentionConsent.granted", equalTo(true))
                .body("retentionConsent.textVersion", equalTo("2026-01"))
                .body("retentionConsent.since", notNullValue())
                .body("expiresAt", equalTo(application.receipt().getString("expiresAt")))
                .body("legalHold", nullValue())
                .extract()
                .header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        assertThat(audit(application.id())).contains(List.of("recruiter", "recruiter", "APPLICATION_READ"));
        as("privacy-officer")
                .queryParam("applicationId", application.id().toString())
                .queryParam("action", "APPLICATION_READ")
                .queryParam("actor", "recruiter")
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].actorRole", equalTo("recruiter"))
                .body("items[0].requestId", notNullValue())
                .body("items[0].occurredAt", notNullValue());
    }

    @Test
    void anApplicationMovesThroughThePipelineWithIfMatchAndKeepsItsHistory() {
        Submissions.Submitted application = Submissions.submit();
        String path = "/api/v1/applications/" + application.id() + "/status";

        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("status", "SCREENING"))
                .put(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(Map.of("status", "SCREENING"))
                .put(path)
                .then()
                .statusCode(412);

        String etag = "\"0\"";
        String[] steps = {"SCREENING", "INTERVIEW", "OFFER", "HIRED"};
        for (String step : steps) {
            etag = (step.equals("OFFER") ? asHrTool() : as("recruiter"))
                    .contentType(ContentType.JSON)
                    .header("If-Match", etag)
                    .body(Map.of("status", step))
                    .put(path)
                    .then()
                    .statusCode(200)
                    .body("status", equalTo(step))
                    .extract()
                    .header("ETag");
        }

        as("hr-admin")
                .get("/api/v1/applications/" + application.id())
                .then()
                .statusCode(200)
                .header("ETag", etag)
                .body("statusHistory.to", contains("RECEIVED", "SCREENING", "INTERVIEW", "OFFER", "HIRED"))
                .body("statusHistory[3].changedBy", equalTo("hr-tool"))
                .body("statusHistory[3].changedByRole", equalTo("hr-integration"))
                .body("statusHistory[4].changedBy", equalTo("recruiter"))
                .body("allowedTransitions", hasSize(0));
        assertThat(audit(application.id()).stream().filter(e -> e.get(2).equals("STATUS_CHANGED")))
                .hasSize(4);
    }

    @Test
    void anInvalidStepIsAConflictThatNamesTheAllowedOnes() {
        Submissions.Submitted application = Submissions.submit();
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "HIRED"))
                .put("/api/v1/applications/" + application.id() + "/status")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("SCREENING, REJECTED, WITHDRAWN"))
                .body("errors[0].field", equalTo("status"));
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "PROMOTED"))
                .put("/api/v1/applications/" + application.id() + "/status")
                .then()
                .statusCode(422);
        as("recruiter")
                .get("/api/v1/applications/" + application.id())
                .then()
                .body("status", equalTo("RECEIVED"))
                .header("ETag", "\"0\"");
    }

    @Test
    void anUnknownApplicationIs404ForStaff() {
        as("privacy-officer")
                .get("/api/v1/applications/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> audit(UUID applicationId) {
        List<Object[]> rows = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select actor, actor_role, action from audit_event where application_id = ?1"
                                + " order by occurred_at")
                        .setParameter(1, applicationId)
                        .getResultList());
        return rows.stream()
                .map(row -> List.of((String) row[0], (String) row[1], (String) row[2]))
                .toList();
    }
}
