package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.shared.TestClock;
import com.example.ats.storage.ObjectStore;
import com.example.ats.storage.StoreUnderTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Retries with an Idempotency-Key get the first answer instead of a second application. */
@QuarkusTest
@Tag(StoreUnderTest.STORAGE)
class IdempotentIntakeTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectStore store;

    @Inject
    TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    private static Response post(String key, Map<String, Object> form) {
        return Intake.request(form)
                .header("Idempotency-Key", key)
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH);
    }

    @Test
    void aRetryReturnsTheFirstAnswerAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        Response first = post(key, Intake.form());
        first.then().statusCode(201);
        StoredState afterFirst = StoredState.of(entityManager, store);

        Response retry = post(key, Intake.form());

        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("Location", first.header("Location"));
        assertThat(retry.jsonPath().getMap("$")).isEqualTo(first.jsonPath().getMap("$"));
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(StoredState.of(entityManager, store)).isEqualTo(afterFirst);
    }

    @Test
    void aStrangerWhoReusesAKeyFromAnotherAddressGetsNothingOfTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        Response first = post(key, Intake.form());
        first.then().statusCode(201);

        Response stranger = Intake.request(Intake.form())
                .header("Idempotency-Key", key)
                .header("X-Forwarded-For", "192.0.2.77")
                .multiPart("cv", "cv.pdf", SampleFiles.pdf(), "application/pdf")
                .post(Intake.PATH);

        stranger.then().statusCode(201);
        assertThat(stranger.header("Idempotent-Replayed")).isNull();
        assertThat(stranger.jsonPath().getString("id"))
                .isNotEqualTo(first.jsonPath().getString("id"));
        assertThat(stranger.jsonPath().getString("accessToken"))
                .isNotEqualTo(first.jsonPath().getString("accessToken"));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        post(key, Intake.form()).then().statusCode(201);
        StoredState before = StoredState.of(entityManager, store);
        Map<String, Object> other = Intake.form();
        Intake.applicant(other).put("email", "someone.else@example.org");

        post(key, other)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:validation-failed"));

        assertThat(StoredState.of(entityManager, store)).isEqualTo(before);
    }

    @Test
    void aKeyIsForgottenWhenItExpires() {
        String key = UUID.randomUUID().toString();
        String firstId =
                post(key, Intake.form()).then().statusCode(201).extract().path("id");

        clock.travel(Duration.ofHours(24).plusMinutes(1));
        Response later = post(key, Intake.form());

        later.then().statusCode(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.jsonPath().getString("id")).isNotEqualTo(firstId);
    }

    @Test
    void concurrentRetriesMakeOneApplication() throws Exception {
        String key = UUID.randomUUID().toString();
        StoredState before = StoredState.of(entityManager, store);
        Callable<Response> attempt = () -> post(key, Intake.form());
        List<Response> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Response>> futures = pool.invokeAll(List.of(attempt, attempt, attempt, attempt));
            answers = futures.stream().map(IdempotentIntakeTest::get).toList();
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.jsonPath().getString("id")).distinct())
                .hasSize(1);
        assertThat(answers.stream()
                        .map(a -> a.jsonPath().getString("accessToken"))
                        .distinct())
                .hasSize(1);
        StoredState after = StoredState.of(entityManager, store);
        assertThat(after.rows().get("application")).isEqualTo(before.rows().get("application") + 1);
        assertThat(after.objects()).hasSize(before.objects().size() + 1);
    }

    private static Response get(Future<Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
