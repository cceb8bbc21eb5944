package com.example.ats.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Replicas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service as it runs in production, twice, on the test database: two replicas deliver each event once,
 * and a replica killed with SIGKILL in the middle of a delivery loses nothing (another sends it when the lease runs
 * out). Runs after the unit and Quarkus tests (Failsafe), against the servers of bin/stack.
 */
class ReplicasIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OIDC = Replicas.env("ATS_OIDC_URL", "http://127.0.0.1:58180/realms/ats");

    private final Replicas replicas = new Replicas();
    private final List<String> subscriptions = new ArrayList<>();
    private Receiver receiver;
    private URI anyInstance;

    @AfterEach
    void stopAll() throws Exception {
        for (String id : subscriptions) {
            call("DELETE", anyInstance.resolve("/api/v1/webhooks/" + id), hrTool(), null);
        }
        replicas.close();
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void twoReplicasDeliverEachEventOnce() throws Exception {
        URI a = start("a");
        URI b = start("b");
        anyInstance = a;
        receiver = new Receiver();
        subscribe(a, "vacancy.opened");

        List<String> vacancies = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<String>> opened = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            URI via = i % 2 == 0 ? a : b;
            opened.add(clients.submit(() -> openVacancy(via)));
        }
        for (Future<String> vacancy : opened) {
            vacancies.add(vacancy.get());
        }
        clients.shutdown();

        await(() -> deliveredAbout(vacancies) == vacancies.size(), Duration.ofSeconds(60));
        Thread.sleep(1_500); // time for a second copy, were there one
        List<Receiver.Received> events = receiver.received().stream()
                .filter(r -> !r.body().contains("webhook.ping"))
                .toList();
        assertThat(events).hasSize(vacancies.size());
        assertThat(events).extracting(r -> r.header("webhook-id")).doesNotHaveDuplicates();
        for (String vacancy : vacancies) {
            assertThat(events.stream().filter(r -> r.body().contains(vacancy))).hasSize(1);
        }
    }

    @Test
    void aReplicaKilledMidDeliveryLosesNothing() throws Exception {
        URI a = start("a");
        anyInstance = a;
        receiver = new Receiver();
        String subscription = subscribe(a, "vacancy.opened");

        receiver.hangNext(Duration.ofSeconds(4));
        String vacancy = openVacancy(a);
        await(() -> receiver.arrived().stream().anyMatch(body -> body.contains(vacancy)), Duration.ofSeconds(30));
        Process first = replicas.started().getFirst();
        first.destroyForcibly(); // SIGKILL, while the receiver holds the request
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        URI b = start("b");
        anyInstance = b;
        await(
                () -> receiver.arrived().stream()
                                .filter(body -> body.contains(vacancy))
                                .count()
                        == 2,
                Duration.ofSeconds(60));
        JsonNode delivery = await(() -> deliveryOf(b, subscription), Duration.ofSeconds(30));
        assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
    }

    private JsonNode deliveryOf(URI instance, String subscription) {
        try {
            JsonNode page =
                    call("GET", instance.resolve("/api/v1/webhooks/" + subscription + "/deliveries"), hrTool(), null);
            JsonNode first = page.path("items").path(0);
            return first.path("state").asText().equals("DELIVERED") ? first : null;
        } catch (Exception e) {
            return null;
        }
    }

    private long deliveredAbout(List<String> vacancies) {
        return vacancies.stream()
                .filter(v -> receiver.accepted(body -> body.contains(v)).size() >= 1)
                .count();
    }

    private String subscribe(URI instance, String type) throws Exception {
        JsonNode created = call(
                "POST",
                instance.resolve("/api/v1/webhooks"),
                hrTool(),
                Map.of("targetUrl", receiver.url(), "eventTypes", List.of(type)));
        String id = created.path("id").asText();
        subscriptions.add(id);
        return id;
    }

    private String openVacancy(URI instance) throws Exception {
        return call(
                        "POST",
                        instance.resolve("/api/v1/vacancies"),
                        userToken("hr-admin"),
                        Map.of("title", "Replica", "description", "Two of them", "location", "Leiden"))
                .path("id")
                .asText();
    }

    private URI start(String name) throws Exception {
        return replicas.start(name, Map.of());
    }

    private static JsonNode call(String method, URI uri, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + uri + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static final Map<String, String> TOKENS = new HashMap<>();

    private static synchronized String userToken(String user) throws Exception {
        if (!TOKENS.containsKey(user)) {
            TOKENS.put(user, token("grant_type=password&client_id=ats-cli&username=" + user + "&password=demo"));
        }
        return TOKENS.get(user);
    }

    private static synchronized String hrTool() throws Exception {
        if (!TOKENS.containsKey("hr-tool")) {
            TOKENS.put(
                    "hr-tool",
                    token("grant_type=client_credentials&client_id=hr-tool&client_secret="
                            + URLEncoder.encode("hr-tool-secret", StandardCharsets.UTF_8)));
        }
        return TOKENS.get("hr-tool");
    }

    private static String token(String form) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(OIDC + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static <T> T await(java.util.function.Supplier<T> found, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = found.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + within);
            }
            Thread.sleep(100);
        }
    }

    private static void await(BooleanSupplier done, Duration within) throws InterruptedException {
        await(() -> done.getAsBoolean() ? Boolean.TRUE : null, within);
    }
}
