package com.example.ats.hr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Api;
import com.example.ats.shared.Caller;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every staff endpoint against every kind of caller, with real Keycloak tokens: the statuses must be exactly the
 * matrix of docs/API.md (default deny: 401 without a valid token, 403 without the role).
 */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class AuthorizationMatrixTest {

    enum Caller {
        ANONYMOUS,
        APPLICANT_TOKEN,
        RECRUITER,
        HR_ADMIN,
        PRIVACY_OFFICER,
        HR_INTEGRATION,
        FOREIGN_ISSUER,
        EXPIRED_TOKEN,
        /** The realm's own token with a role, issued to another service (audience not ats). */
        OTHER_AUDIENCE;

        RequestSpecification request(String applicantToken) {
            return switch (this) {
                case ANONYMOUS -> given();
                case APPLICANT_TOKEN -> given().header("Applicant-Token", applicantToken);
                case RECRUITER -> Api.as("recruiter");
                case HR_ADMIN -> Api.as("hr-admin");
                case PRIVACY_OFFICER -> Api.as("privacy-officer");
                case HR_INTEGRATION -> Api.asHrTool();
                case FOREIGN_ISSUER -> given().auth().oauth2(Api.foreignToken());
                case EXPIRED_TOKEN -> given().auth().oauth2(Api.expiredToken("privacy-officer"));
                case OTHER_AUDIENCE -> given().auth().oauth2(Api.otherAudienceToken());
            };
        }
    }

    private static final Set<Caller> UNAUTHENTICATED = EnumSet.of(
            Caller.ANONYMOUS,
            Caller.APPLICANT_TOKEN,
            Caller.FOREIGN_ISSUER,
            Caller.EXPIRED_TOKEN,
            Caller.OTHER_AUDIENCE);

    /** One endpoint: who may call it, the status they get, and how to call it (given a fresh application). */
    record Endpoint(String name, Set<Caller> allowed, int success, Function<Call, Integer> call) {}

    record Call(RequestSpecification request, Submissions.Submitted application) {}

    private static final Set<Caller> READERS =
            EnumSet.of(Caller.RECRUITER, Caller.HR_ADMIN, Caller.PRIVACY_OFFICER, Caller.HR_INTEGRATION);

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(
                        "GET /api/v1/applications",
                        READERS,
                        200,
                        c -> c.request().get("/api/v1/applications").statusCode()),
                new Endpoint(
                        "GET /api/v1/applications/{id}",
                        READERS,
                        200,
                        c -> c.request()
                                .get("/api/v1/applications/" + c.application().id())
                                .statusCode()),
                new Endpoint(
                        "GET /api/v1/applications/{id}/documents/{documentId}/content",
                        EnumSet.of(Caller.RECRUITER, Caller.HR_ADMIN),
                        200,
                        c -> c.request()
                                .get("/api/v1/applications/" + c.application().id() + "/documents/"
                                        + c.application().cvId() + "/content")
                                .statusCode()),
                new Endpoint(
                        "PUT /api/v1/applications/{id}/status",
                        EnumSet.of(Caller.RECRUITER, Caller.HR_ADMIN, Caller.HR_INTEGRATION),
                        200,
                        c -> c.request()
                                .contentType(ContentType.JSON)
                                .header("If-Match", "\"0\"")
                                .body(Map.of("status", "SCREENING"))
                                .put("/api/v1/applications/" + c.application().id() + "/status")
                                .statusCode()),
                new Endpoint(
                        "PUT /api/v1/applications/{id}/retention-consent",
                        EnumSet.of(Caller.RECRUITER, Caller.HR_ADMIN, Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request()
                                .contentType(ContentType.JSON)
                                .body(Map.of("granted", true, "textVersion", "2026-01", "channel", "EMAIL"))
                                .put("/api/v1/applications/" + c.application().id() + "/retention-consent")
                                .statusCode()),
                new Endpoint(
                        "PUT /api/v1/applications/{id}/legal-hold",
                        EnumSet.of(Caller.HR_ADMIN, Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request()
                                .contentType(ContentType.JSON)
                                .body(Map.of("reason", "Dispute"))
                                .put("/api/v1/applications/" + c.application().id() + "/legal-hold")
                                .statusCode()),
                new Endpoint(
                        "DELETE /api/v1/applications/{id}/legal-hold",
                        EnumSet.of(Caller.HR_ADMIN, Caller.PRIVACY_OFFICER),
                        204,
                        c -> c.request()
                                .delete("/api/v1/applications/"
                                        + c.application().id() + "/legal-hold")
                                .statusCode()),
                new Endpoint(
                        "GET /api/v1/audit-events",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().get("/api/v1/audit-events").statusCode()),
                new Endpoint(
                        "POST /api/v1/privacy-requests",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        201,
                        c -> c.request()
                                .contentType(ContentType.JSON)
                                .body(Map.of(
                                        "type", "ACCESS",
                                        "email", "matrix@example.org",
                                        "receivedAt",
                                                Instant.now().minusSeconds(60).toString(),
                                        "channel", "EMAIL"))
                                .post("/api/v1/privacy-requests")
                                .statusCode()),
                new Endpoint(
                        "GET /api/v1/privacy-requests",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().get("/api/v1/privacy-requests").statusCode()),
                new Endpoint(
                        "GET /api/v1/applications/{id}/export",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request()
                                .get("/api/v1/applications/" + c.application().id() + "/export")
                                .statusCode()),
                new Endpoint(
                        "DELETE /api/v1/applications/{id}?reason=ERASURE_REQUEST",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        204,
                        c -> c.request()
                                .queryParam("reason", "ERASURE_REQUEST")
                                .delete("/api/v1/applications/"
                                        + c.application().id())
                                .statusCode()),
                new Endpoint(
                        "GET /api/v1/retention/preview",
                        EnumSet.of(Caller.PRIVACY_OFFICER, Caller.HR_ADMIN),
                        200,
                        c -> c.request()
                                .queryParam("until", Instant.now().toString())
                                .get("/api/v1/retention/preview")
                                .statusCode()),
                new Endpoint(
                        "GET /api/v1/retention/purges",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().get("/api/v1/retention/purges").statusCode()),
                new Endpoint(
                        "GET /api/v1/statistics/funnel",
                        EnumSet.of(Caller.HR_ADMIN, Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().get("/api/v1/statistics/funnel").statusCode()),
                new Endpoint(
                        "GET /api/v1/statistics/privacy-requests",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request()
                                .get("/api/v1/statistics/privacy-requests")
                                .statusCode()),
                new Endpoint(
                        "POST /api/v1/retention/runs",
                        EnumSet.of(Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().post("/api/v1/retention/runs").statusCode()),
                new Endpoint(
                        "GET /api/v1/vacancies",
                        READERS,
                        200,
                        c -> c.request().get("/api/v1/vacancies").statusCode()),
                new Endpoint(
                        "POST /api/v1/vacancies",
                        EnumSet.of(Caller.HR_ADMIN),
                        201,
                        c -> c.request()
                                .contentType(ContentType.JSON)
                                .body(Map.of("title", "Matrix"))
                                .post("/api/v1/vacancies")
                                .statusCode()),
                new Endpoint(
                        "GET /api/v1/events",
                        EnumSet.of(Caller.HR_ADMIN, Caller.HR_INTEGRATION, Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().get("/api/v1/events").statusCode()),
                new Endpoint(
                        "GET /api/v1/webhooks",
                        EnumSet.of(Caller.HR_ADMIN, Caller.HR_INTEGRATION, Caller.PRIVACY_OFFICER),
                        200,
                        c -> c.request().get("/api/v1/webhooks").statusCode()));
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSays() {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        StringBuilder table = new StringBuilder("| endpoint |");
        for (Caller caller : Caller.values()) {
            table.append(' ').append(caller).append(" |");
        }
        table.append('\n');
        Submissions.Submitted shared = Submissions.submit();
        for (Endpoint endpoint : endpoints()) {
            table.append("| ").append(endpoint.name()).append(" |");
            for (Caller caller : Caller.values()) {
                // A status change succeeds once per version, an erasure once: those calls get an application of their
                // own.
                Submissions.Submitted application = endpoint.name().endsWith("/status") ? Submissions.submit() : shared;
                String applicantToken = application.receipt().getString("accessToken");
                int want = UNAUTHENTICATED.contains(caller)
                        ? 401
                        : endpoint.allowed().contains(caller) ? endpoint.success() : 403;
                int got = endpoint.call().apply(new Call(caller.request(applicantToken), application));
                expected.add(endpoint.name() + " as " + caller + ": " + want);
                actual.add(endpoint.name() + " as " + caller + ": " + got);
                table.append(' ').append(got).append(" |");
            }
            table.append('\n');
        }
        System.out.println(table);
        assertThat(actual).containsExactlyElementsOf(expected);
    }
}
