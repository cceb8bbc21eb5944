package com.example.ats.hr;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staff read, search, download and change an application, and make mistakes on the way: every read and change is
 * audited, and neither the audit trail nor the service's log (at DEBUG) holds the applicant's name or e-mail.
 */
@QuarkusTest
class PersonalDataTest {

    @Inject
    EntityManager entityManager;

    @Test
    void auditEventsAndTheLogCarryNoPersonalData() throws Exception {
        Submissions.Submitted application = Submissions.submit();
        String base = "/api/v1/applications/" + application.id();

        as("recruiter")
                .queryParam("q", application.lastName())
                .get("/api/v1/applications")
                .then()
                .statusCode(200);
        as("recruiter")
                .queryParam("q", application.email())
                .get("/api/v1/applications")
                .then()
                .statusCode(200);
        as("recruiter").get(base).then().statusCode(200);
        as("hr-admin")
                .get(base + "/documents/" + application.cvId() + "/content")
                .then()
                .statusCode(200);
        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "SCREENING"))
                .put(base + "/status")
                .then()
                .statusCode(200);
        as("recruiter")
                .contentType(ContentType.JSON)
                .body(Map.of("granted", false, "channel", "EMAIL"))
                .put(base + "/retention-consent")
                .then()
                .statusCode(200);
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute", "until", application.email()))
                .put(base + "/legal-hold")
                .then()
                .statusCode(422);
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Dispute"))
                .put(base + "/legal-hold")
                .then()
                .statusCode(200);
        as("privacy-officer")
                .queryParam("applicationId", application.id().toString())
                .get("/api/v1/audit-events")
                .then()
                .statusCode(200);

        List<String> actions = auditText("action");
        assertThat(actions)
                .contains(
                        "APPLICATIONS_LISTED",
                        "APPLICATION_READ",
                        "DOCUMENT_DOWNLOADED",
                        "STATUS_CHANGED",
                        "CONSENT_RECORDED",
                        "LEGAL_HOLD_SET");
        String everyAuditValue = String.join(
                "\n",
                auditText("concat_ws('|', id, occurred_at, actor, actor_role,"
                        + " action, application_id, request_id, detail)"));
        String log = Files.readString(Path.of("target", "ats-test.log"));
        for (String personal : List.of(application.firstName(), application.lastName(), application.email())) {
            assertThat(everyAuditValue).doesNotContainIgnoringCase(personal);
            assertThat(log).doesNotContainIgnoringCase(personal);
        }
        assertThat(log).contains(application.id().toString()); // the log is really being written and searched
    }

    @SuppressWarnings("unchecked")
    private List<String> auditText(String expression) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select cast(" + expression + " as text) from audit_event")
                        .getResultList());
    }
}
