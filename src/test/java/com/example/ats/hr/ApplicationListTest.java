package com.example.ats.hr;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The application list: filters, summaries without sensitive details, and keyset pages that never skip or repeat. */
@QuarkusTest
class ApplicationListTest {

    private static final String PATH = "/api/v1/applications";

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void walkingTwoHundredFiftyApplicationsSeventeenAtATimeGivesEachOnceInOrderWhileMoreArrive() throws Exception {
        // Ten years ahead, after everything other tests made, so the walk sees only these and the newcomers.
        clock.travel(Duration.ofDays(3650));
        Instant start = clock.instant();
        List<String> expected = seed(250, start);

        List<String> walked = new ArrayList<>();
        List<Instant> appliedAt = new ArrayList<>();
        List<Future<Submissions.Submitted>> arriving = new ArrayList<>();
        try (ExecutorService newcomers = Executors.newSingleThreadExecutor()) {
            String cursor = null;
            do {
                var request = as("recruiter").queryParam("limit", 17).queryParam("appliedFrom", start.toString());
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page =
                        request.get(PATH).then().statusCode(200).extract().jsonPath();
                walked.addAll(page.getList("items.id"));
                page.getList("items.appliedAt", String.class).forEach(t -> appliedAt.add(Instant.parse(t)));
                cursor = page.getString("nextCursor");
                arriving.add(newcomers.submit(() -> Submissions.submit()));
            } while (cursor != null);
            for (Future<Submissions.Submitted> newcomer : arriving) {
                newcomer.get();
            }
        }

        List<String> ours = walked.stream().filter(expected::contains).toList();
        assertThat(ours).containsExactlyElementsOf(expected);
        assertThat(walked).doesNotHaveDuplicates();
        assertThat(appliedAt).isSorted();
    }

    /** Rows straight into PostgreSQL (the list reads rows; intake is tested elsewhere), some sharing a time. */
    @SuppressWarnings("unchecked")
    private List<String> seed(int count, Instant from) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object> ids = entityManager
                    .createNativeQuery("insert into application (id, status, applied_at, expires_at, policy_version,"
                            + " access_token_hash) select gen_random_uuid(), 'RECEIVED',"
                            + " cast(?1 as timestamptz) + (n / 3) * interval '1 millisecond', cast(?1 as timestamptz) + interval '28 days', 'list-test',"
                            + " sha256(convert_to(gen_random_uuid()::text, 'UTF8')) from generate_series(1, ?2) n"
                            + " returning id")
                    .setParameter(1, from)
                    .setParameter(2, count)
                    .getResultList();
            entityManager
                    .createNativeQuery(
                            "insert into applicant (application_id, first_name, email)"
                                    + " select id, 'Seed', 'seed@example.org' from application where policy_version = 'list-test'")
                    .executeUpdate();
            return entityManager
                    .createNativeQuery("select cast(id as text) from application where policy_version = 'list-test'"
                            + " order by applied_at, id")
                    .getResultList();
        });
    }

    @Test
    void filtersNarrowTheListAndSummariesLeaveOutAddressAndBirthDate() {
        String vacancy = as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Verpleegkundige"))
                .post("/api/v1/vacancies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Submissions.Submitted forVacancy = Submissions.submit(UUID.fromString(vacancy));
        Submissions.Submitted open = Submissions.submit();

        as("hr-admin")
                .queryParam("vacancyId", vacancy)
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(forVacancy.id().toString())))
                .body("items[0]", not(hasKey("address")))
                .body("items[0]", not(hasKey("birthDate")))
                .body("items[0]", not(hasKey("phone")))
                .body("items[0].email", equalTo(forVacancy.email()));

        as("recruiter")
                .queryParam("q", open.lastName().toUpperCase().substring(3))
                .get(PATH)
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(open.id().toString())));
        as("recruiter")
                .queryParam("q", open.email().substring(0, open.email().indexOf('@')))
                .get(PATH)
                .then()
                .body("items.id", equalTo(List.of(open.id().toString())));
        as("recruiter").queryParam("q", "%").get(PATH).then().statusCode(422);

        as("recruiter")
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("status", "REJECTED"))
                .put(PATH + "/" + open.id() + "/status")
                .then()
                .statusCode(200);
        List<String> rejected = as("recruiter")
                .queryParam("status", "REJECTED")
                .queryParam("status", "WITHDRAWN")
                .queryParam("limit", 100)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(rejected)
                .contains(open.id().toString())
                .doesNotContain(forVacancy.id().toString());

        Instant expiresAt = Instant.parse(open.receipt().getString("expiresAt"));
        List<String> expiring = as("recruiter")
                .queryParam("expiresBefore", expiresAt.plusSeconds(1).toString())
                .queryParam(
                        "appliedFrom",
                        Instant.parse(forVacancy.receipt().getString("appliedAt"))
                                .toString())
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        assertThat(expiring).contains(forVacancy.id().toString(), open.id().toString());
    }

    @Test
    void badPagingAndFiltersAreClearErrors() {
        as("recruiter").queryParam("limit", 101).get(PATH).then().statusCode(422);
        as("recruiter").queryParam("limit", 0).get(PATH).then().statusCode(422);
        as("recruiter")
                .queryParam("cursor", "not-ours")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("cursor"));
        as("recruiter").queryParam("status", "SLEEPING").get(PATH).then().statusCode(400);
        as("recruiter").queryParam("appliedFrom", "yesterday").get(PATH).then().statusCode(400);
        as("recruiter")
                .queryParam("limit", 1)
                .get(PATH)
                .then()
                .statusCode(200)
                .header("Link", containsString("rel=\"next\""));
    }
}
