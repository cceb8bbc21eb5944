package com.example.ats.webhook;

import static com.example.ats.shared.Api.as;
import static com.example.ats.shared.Api.asHrTool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.example.ats.event.Feed;
import com.example.ats.shared.TestClock;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a real HTTP receiver on loopback: a signed ping on subscription, deliveries after retries and in
 * order per subject, disabling after the schedule, re-sending, and who may see what. The clock travels through the
 * retry schedule; the dispatcher runs every 200 ms as in production every second.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    TestClock clock;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    WebhookFanOut fanOut;

    @Inject
    com.example.ats.work.WorkQueue queue;

    @Inject
    WebhookConfig config;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Inject
    WebhookHousekeeping housekeeping;

    private final List<String> subscribed = new ArrayList<>();
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clock.reset();
        subscribed.forEach(id -> as("hr-admin").delete(Webhooks.PATH + "/" + id));
        receivers.forEach(Receiver::close);
    }

    @Test
    void aSubscriptionIsPingedWithASignedMessageAndItsSecretIsShownOnce() throws Exception {
        Receiver receiver = receiver();
        JsonPath created = subscribe(receiver, "vacancy.opened");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.getString("state")).isEqualTo("ACTIVE");

        assertThat(receiver.received()).hasSize(1);
        Receiver.Received ping = receiver.received().getFirst();
        assertThat(ping.body()).contains("\"type\":\"webhook.ping\"").contains(created.getString("id"));
        assertThat(SignedDeliveries.accept(secret, ping.body(), ping.headers(), new HashSet<>()))
                .isTrue();

        as("hr-admin")
                .get(Webhooks.PATH + "/" + created.getString("id"))
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .body("eventTypes", equalTo(List.of("vacancy.opened")));
    }

    @Test
    void aForgedOrReplayedDeliveryIsDetectedByTheReceiverCodeOfTheReadme() throws Exception {
        Receiver receiver = receiver();
        String secret = subscribe(receiver, "vacancy.opened").getString("secret");
        Receiver.Received ping = receiver.received().getFirst();
        Set<String> seen = new HashSet<>();

        assertThat(SignedDeliveries.accept(secret, ping.body(), ping.headers(), seen))
                .isTrue();
        assertThat(SignedDeliveries.accept(secret, ping.body(), ping.headers(), seen))
                .as("the same delivery again (a retry, or a replay within five minutes) is handled once")
                .isFalse();
        assertThatThrownBy(() -> SignedDeliveries.accept(
                        secret, ping.body().replace("webhook.ping", "application.purged"), ping.headers(), seen))
                .isInstanceOf(WebhookVerificationException.class);
        String otherSecret = subscribe(receiver(), "vacancy.opened").getString("secret");
        assertThatThrownBy(() -> SignedDeliveries.accept(otherSecret, ping.body(), ping.headers(), seen))
                .isInstanceOf(WebhookVerificationException.class);

        long old = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();
        Map<String, List<String>> replayed = new HashMap<>(ping.headers());
        replayed.put("webhook-id", List.of("msg-captured-earlier"));
        replayed.put("webhook-timestamp", List.of(Long.toString(old)));
        replayed.put("webhook-signature", List.of(new Webhook(secret).sign("msg-captured-earlier", old, ping.body())));
        assertThatThrownBy(() -> SignedDeliveries.accept(secret, ping.body(), replayed, new HashSet<>()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aTargetThatDoesNotAcceptThePingIsNotSubscribed() throws Exception {
        Receiver receiver = receiver();
        receiver.failNext(1, 500);
        refused(receiver.url(), "HTTP 500");
        receiver.failNext(1, 302);
        refused(receiver.url(), "HTTP 302"); // a redirect is not followed
        assertThat(receiver.received()).hasSize(2);
        as("hr-admin").get(Webhooks.PATH).then().statusCode(200).body("items.targetUrl", not(hasItem(receiver.url())));
    }

    @Test
    void aBadTargetOrAnUnknownTypeIsRefusedBeforeAnythingIsSent() {
        for (String url : List.of("ftp://127.0.0.1/x", "http://user:pw@127.0.0.1:1/x", "not a url", "https://"))
            as("hr-admin")
                    .contentType(ContentType.JSON)
                    .body(Map.of("targetUrl", url, "eventTypes", List.of("vacancy.opened")))
                    .post(Webhooks.PATH)
                    .then()
                    .statusCode(422)
                    .body("errors[0].field", containsString("targetUrl"));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "http://127.0.0.1:1/x", "eventTypes", List.of("candidate.deleted")))
                .post(Webhooks.PATH)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("application.purged"));
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "http://127.0.0.1:1/x", "eventTypes", List.of()))
                .post(Webhooks.PATH)
                .then()
                .statusCode(422);
    }

    @Test
    void aReceiverThatFailsAtFirstGetsEveryEventAfterRetriesInOrderPerSubject() throws Exception {
        Receiver receiver = receiver();
        String secret = subscribe(receiver, "vacancy.opened", "vacancy.changed", "vacancy.closed")
                .getString("secret");
        receiver.failNext(3, 503);

        String first = Webhooks.openVacancy();
        Webhooks.changeVacancy(first, 0, "OPEN");
        Webhooks.changeVacancy(first, 1, "OPEN");
        Webhooks.changeVacancy(first, 2, "CLOSED");
        String second = Webhooks.openVacancy();

        awaitWhileTravelling(
                () -> receiver.accepted(b -> b.contains(first)).size() == 4
                        && receiver.accepted(b -> b.contains(second)).size() == 1,
                Duration.ofMinutes(10));

        assertThat(receiver.received().stream().filter(r -> r.answeredWith() == 503))
                .hasSize(3);
        List<Receiver.Received> aboutFirst = receiver.accepted(b -> b.contains(first));
        assertThat(aboutFirst)
                .extracting(r -> JsonPath.from(r.body()).getString("type"))
                .containsExactly("vacancy.opened", "vacancy.changed", "vacancy.changed", "vacancy.closed");
        assertThat(aboutFirst).allMatch(r -> SignedDeliveries.verifies(secret, r));
        assertThat(receiver.accepted(b -> !b.contains("webhook.ping")))
                .extracting(r -> r.header("webhook-id"))
                .doesNotHaveDuplicates();
    }

    @Test
    void aTargetThatKeepsFailingIsDisabledAndComesBackWhenADeliveryIsResent() throws Exception {
        Receiver receiver = receiver();
        String id = subscribe(receiver, "vacancy.opened").getString("id");
        receiver.failAlways(true);
        String lost = Webhooks.openVacancy();

        awaitWhileTravelling(
                () -> "DISABLED"
                        .equals(as("hr-admin").get(Webhooks.PATH + "/" + id).path("state")),
                Duration.ofHours(11));
        JsonPath deliveries = as("hr-admin")
                .get(Webhooks.PATH + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(deliveries.getString("items[0].state")).isEqualTo("FAILED");
        assertThat(deliveries.getInt("items[0].attempts")).isEqualTo(8); // the first and seven retries
        assertThat(deliveries.getString("items[0].lastOutcome")).isEqualTo("HTTP 500");
        assertThat(Feed.types(Feed.about(Feed.since(null).events(), id))).containsExactly("webhook.disabled");
        assertThat(RestAssured.get("/q/metrics").asString())
                .containsPattern("ats_webhook_subscriptions_disabled_total [1-9]");

        String queued = Webhooks.openVacancy(); // waits while the subscription is disabled
        receiver.failAlways(false);
        as("hr-admin")
                .post(Webhooks.PATH + "/" + id + "/deliveries/" + deliveries.getString("items[0].id") + "/resend")
                .then()
                .statusCode(202)
                .body("state", equalTo("PENDING"));
        // two subjects, no order between them: the two deliveries may go in one round, either answered first
        await(() -> receiver.accepted(b -> b.contains(queued)).size() == 1
                && receiver.accepted(b -> b.contains(lost)).size() == 1);
        assertThat(receiver.accepted(b -> b.contains(queued))).hasSize(1);
        assertThat(receiver.accepted(b -> b.contains(lost))).hasSize(1);
        as("hr-admin").get(Webhooks.PATH + "/" + id).then().body("state", equalTo("ACTIVE"));
    }

    @Test
    void aDeliverySkippedNearTheEndOfItsLeaseKeepsItsAttemptCount() throws Exception {
        Receiver receiver = receiver();
        String id = subscribe(receiver, "vacancy.opened").getString("id");
        scheduler.pause("webhook-delivery");
        try {
            Thread.sleep(2 * 1_000); // a round that began before the pause ends within a tick (deliver-every 1s)
            String vacancy = Webhooks.openVacancy();
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(fanOut::dispatch);
            List<com.example.ats.work.WorkQueue.Item<WebhookDeliveryRepository.Outgoing>> claimed =
                    queue.claim(dispatcher);
            assertThat(claimed)
                    .singleElement()
                    .satisfies(c -> assertThat(c.payload().body()).contains(vacancy));

            clock.travel(config.lease()); // the claim's lease has run out before the sender got to it
            queue.run(dispatcher, claimed);
            JsonPath skipped = deliveries(id);
            assertThat(receiver.arrived()).noneMatch(body -> body.contains(vacancy));
            assertThat(skipped.getString("items[0].state")).isEqualTo("PENDING");
            assertThat(skipped.getInt("items[0].attempts"))
                    .as("an attempt never made")
                    .isZero();

            dispatcher.runOnce();
            JsonPath sent = deliveries(id);
            assertThat(receiver.accepted(body -> body.contains(vacancy))).hasSize(1);
            assertThat(sent.getString("items[0].state")).isEqualTo("DELIVERED");
            assertThat(sent.getInt("items[0].attempts")).isEqualTo(1);
        } finally {
            scheduler.resume("webhook-delivery");
        }
    }

    private static JsonPath deliveries(String subscription) {
        return as("hr-admin")
                .get(Webhooks.PATH + "/" + subscription + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aClientSeesOnlyItsOwnSubscriptionsAndHrAdminsSeeAll() throws Exception {
        String admins = subscribe(receiver(), "vacancy.opened").getString("id");
        JsonPath tools = Webhooks.subscribe(
                com.example.ats.shared.Api::asHrTool, receiver().url(), "application.purged");
        subscribed.add(tools.getString("id"));

        asHrTool().get(Webhooks.PATH + "/" + admins).then().statusCode(404);
        asHrTool().delete(Webhooks.PATH + "/" + admins).then().statusCode(404);
        asHrTool().get(Webhooks.PATH + "/" + admins + "/deliveries").then().statusCode(404);
        asHrTool().get(Webhooks.PATH).then().statusCode(200).body("items.id", not(hasItem(admins)));
        as("hr-admin").get(Webhooks.PATH).then().statusCode(200).body("items.id", hasItem(tools.getString("id")));
        as("recruiter").get(Webhooks.PATH).then().statusCode(403);
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "http://127.0.0.1:1/x", "eventTypes", List.of("vacancy.opened")))
                .post(Webhooks.PATH)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString("your role does not receive"));
        asHrTool()
                .contentType(ContentType.JSON)
                .body(Map.of("targetUrl", "http://127.0.0.1:1/x", "eventTypes", List.of("webhook.disabled")))
                .post(Webhooks.PATH)
                .then()
                .statusCode(422);
    }

    @Test
    void anHrAdminNeitherSeesNorTouchesThePrivacyOfficersSubscriptions() throws Exception {
        Receiver receiver = receiver();
        String officers = Webhooks.subscribe(() -> as("privacy-officer"), receiver.url(), "privacy_request.registered")
                .getString("id");
        try {
            as("hr-admin").get(Webhooks.PATH).then().statusCode(200).body("items.id", not(hasItem(officers)));
            as("hr-admin").get(Webhooks.PATH + "/" + officers).then().statusCode(404);
            as("hr-admin")
                    .get(Webhooks.PATH + "/" + officers + "/deliveries")
                    .then()
                    .statusCode(404);
            as("hr-admin")
                    .post(Webhooks.PATH + "/" + officers + "/deliveries/" + java.util.UUID.randomUUID() + "/resend")
                    .then()
                    .statusCode(404);
            as("hr-admin").delete(Webhooks.PATH + "/" + officers).then().statusCode(404);
            as("privacy-officer").get(Webhooks.PATH + "/" + officers).then().statusCode(200);
            as("privacy-officer").get(Webhooks.PATH).then().statusCode(200).body("items.id", hasItem(officers));
        } finally {
            as("privacy-officer").delete(Webhooks.PATH + "/" + officers).then().statusCode(204);
        }
    }

    @Test
    void aSubscriptionThatLosesQueuedEventsToTheirAgeIsToldToResync() throws Exception {
        Receiver receiver = receiver();
        String id = subscribe(receiver, "vacancy.opened").getString("id");
        receiver.failAlways(true);
        Webhooks.openVacancy();
        await(() -> receiver.received().size() >= 2); // the ping, then a failed attempt
        clock.travel(Duration.ofDays(31));
        housekeeping.runNow();

        as("hr-admin")
                .get(Webhooks.PATH + "/" + id)
                .then()
                .statusCode(200)
                .body("missedEventsAt", org.hamcrest.Matchers.notNullValue());
        as("hr-admin")
                .get(Webhooks.PATH + "/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    private Receiver receiver() throws Exception {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonPath subscribe(Receiver receiver, String... types) {
        JsonPath created = Webhooks.subscribe(receiver.url(), types);
        subscribed.add(created.getString("id"));
        return created;
    }

    private static void refused(String url, String outcome) {
        as("hr-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("targetUrl", url, "eventTypes", List.of("vacancy.opened")))
                .post(Webhooks.PATH)
                .then()
                .statusCode(422)
                .body("errors[0].message", containsString(outcome));
    }

    /** Waits for the condition, moving the clock on by {@code step} between looks (through the retry waits). */
    private void awaitWhileTravelling(BooleanSupplier done, Duration step) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 60 s");
            }
            clock.travel(step);
            Thread.sleep(300);
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
