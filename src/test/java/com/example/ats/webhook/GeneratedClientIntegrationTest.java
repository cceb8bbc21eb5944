package com.example.ats.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.ats.client.ApiClient;
import com.example.ats.client.ApiException;
import com.example.ats.client.api.HrToolsApi;
import com.example.ats.client.api.PrivacyOfficerApi;
import com.example.ats.client.api.StaffApi;
import com.example.ats.client.model.ApplicationDetail;
import com.example.ats.client.model.Event;
import com.example.ats.client.model.EventPage;
import com.example.ats.client.model.WebhookSubscription;
import com.example.ats.client.model.WebhookSubscriptionRequest;
import com.example.ats.retention.Applications;
import com.example.ats.shared.Api;
import com.example.ats.shared.TestClock;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A whole HR-tool integration through the Java client that the build generates from the committed contract
 * (openapi/openapi.yaml): subscribe, receive a signed delivery on a local receiver and verify it with the README's
 * code, read the application, see it purged, and get 404 for it afterwards; then resync through the feed.
 */
@QuarkusTest
class GeneratedClientIntegrationTest {

    @TestHTTPResource("/")
    URL service;

    @Inject
    TestClock clock;

    private Receiver receiver;

    @AfterEach
    void cleanUp() {
        clock.reset();
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anHrToolSubscribesReadsAndForgetsAPurgedApplicationThroughTheGeneratedClient() throws Exception {
        ApiClient asTool = client(Api.hrToolToken());
        HrToolsApi hrTools = new HrToolsApi(asTool);
        StaffApi staff = new StaffApi(asTool);
        receiver = new Receiver();

        String start = feedSince(hrTools, null, List.of()).getNextCursor(); // the end of the feed now
        WebhookSubscription subscription = hrTools.subscribeWebhook(new WebhookSubscriptionRequest()
                .targetUrl(URI.create(receiver.url()))
                .eventTypes(List.of("application.received", "application.purged")));
        String secret = subscription.getSecret();
        Set<String> seen = new HashSet<>();
        Receiver.Received ping = receiver.received().getFirst();
        assertThat(SignedDeliveries.accept(secret, ping.body(), ping.headers(), seen))
                .isTrue();

        Applications.Submitted submitted = Applications.submit(false);
        UUID id = submitted.id();
        Receiver.Received received = await(() -> delivered("application.received", id));
        assertThat(SignedDeliveries.accept(secret, received.body(), received.headers(), seen))
                .isTrue();

        ApplicationDetail detail = staff.getApplication(id);
        assertThat(detail.getId()).isEqualTo(id);
        assertThat(detail.getStatus().getValue()).isEqualTo("RECEIVED");

        clock.travelTo(submitted.expiresAt().plus(Duration.ofMinutes(1)));
        new PrivacyOfficerApi(client(Api.userToken("privacy-officer"))).runPurge();
        Receiver.Received purged = await(() -> delivered("application.purged", id));
        assertThat(SignedDeliveries.accept(secret, purged.body(), purged.headers(), seen))
                .isTrue();

        assertThatThrownBy(() -> staff.getApplication(id))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));

        EventPage feed = feedSince(hrTools, start, List.of("application.received", "application.purged"));
        assertThat(feed.getItems().stream()
                        .filter(e -> id.toString().equals(e.getData().get("applicationId")))
                        .map(Event::getType))
                .as("once purged, the removal is the only event left about it")
                .containsExactly("application.purged");

        hrTools.unsubscribeWebhook(subscription.getId());
        assertThatThrownBy(() -> hrTools.getWebhook(subscription.getId()))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    /** Every event after the cursor, page by page, as one page whose next cursor is the end of the feed. */
    private static EventPage feedSince(HrToolsApi hrTools, String cursor, List<String> types) throws ApiException {
        EventPage all = new EventPage().items(new java.util.ArrayList<>());
        String at = cursor;
        while (true) {
            EventPage page = hrTools.listEvents(at, 1000, types);
            all.getItems().addAll(page.getItems());
            at = page.getNextCursor();
            if (page.getItems().size() < 1000) {
                return all.nextCursor(at);
            }
        }
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private Receiver.Received delivered(String type, UUID applicationId) {
        return receiver.accepted(body -> body.contains(type) && body.contains(applicationId.toString())).stream()
                .findFirst()
                .orElse(null);
    }

    private static Receiver.Received await(java.util.function.Supplier<Receiver.Received> found)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Receiver.Received received = found.get();
            if (received != null) {
                assertThat(JsonPath.from(received.body()).getString("data.applicationId"))
                        .isNotNull();
                return received;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no delivery within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
