package com.example.ats.bench;

import com.example.ats.webhook.Receiver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the outbox and webhooks cost: intake and status changes with no subscription against the same with three
 * subscriptions to every event type an HR admin receives (their deliveries going out meanwhile to a receiver on loopback), and how many
 * deliveries per second the dispatcher sends to one subscription.
 */
final class EventsScenario {

    /** Every type an HR admin receives (privacy-request events are the privacy officer's). */
    static final List<String> ALL_TYPES = List.of(
            "application.received",
            "application.status_changed",
            "application.consent_changed",
            "application.legal_hold_changed",
            "application.rectified",
            "application.erased",
            "application.purged",
            "vacancy.opened",
            "vacancy.changed",
            "vacancy.closed",
            "webhook.disabled");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final List<String> subscriptions = new ArrayList<>();

    EventsScenario(URI base) {
        this.base = base;
    }

    /** Requests per second of {@code requests} intakes (100 KiB CV) at concurrency 4. */
    double intakePerSecond(Path cv, int requests) throws Exception {
        return perSecond(requests, i -> {
            HttpResponse<Void> response =
                    http.send(IntakeScenario.upload(base, cv), HttpResponse.BodyHandlers.discarding());
            check(response.statusCode(), 201, "intake");
        });
    }

    /** Applications to move, made beforehand (not timed). */
    List<String> applications(Path cv, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response =
                    http.send(IntakeScenario.upload(base, cv), HttpResponse.BodyHandlers.ofString());
            check(response.statusCode(), 201, "intake");
            ids.add(JSON.readTree(response.body()).get("id").asText());
        }
        return ids;
    }

    /** Status changes (RECEIVED to SCREENING) per second, one per application, at concurrency 4. */
    double statusChangesPerSecond(List<String> applications, String token) throws Exception {
        return perSecond(applications.size(), i -> {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/applications/" + applications.get(i) + "/status"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("If-Match", "\"0\"")
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"SCREENING\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            check(response.statusCode(), 200, "status change");
        });
    }

    void subscribe(Receiver receiver, List<String> types, String token) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(base.resolve("/api/v1/webhooks"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("targetUrl", receiver.url(), "eventTypes", types))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode(), 201, "subscription");
        subscriptions.add(JSON.readTree(response.body()).get("id").asText());
    }

    void unsubscribeAll(String token) throws Exception {
        for (String id : subscriptions) {
            http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/webhooks/" + id))
                            .header("Authorization", "Bearer " + token)
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        subscriptions.clear();
    }

    /**
     * Deliveries per second to one subscription: {@code count} vacancies opened at once, then the time from the first
     * delivery's arrival to the last one's.
     */
    double deliveriesPerSecond(Receiver receiver, int count, String token) throws Exception {
        int before = receiver.received().size();
        perSecond(count, i -> {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/vacancies"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"title\":\"Bench\",\"description\":\"x\",\"location\":\"y\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            check(response.statusCode(), 201, "vacancy");
        });
        drain(receiver, before + count);
        List<Receiver.Received> mine = receiver.received().subList(before, before + count);
        Instant first = mine.getFirst().at();
        Instant last = mine.getLast().at();
        return (count - 1) / Math.max(1e-3, Duration.between(first, last).toNanos() / 1e9);
    }

    /** Waits until the receiver has {@code total} requests (deliveries still going out from an earlier phase). */
    static void drain(Receiver receiver, int total) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (receiver.received().size() < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "deliveries stalled at " + receiver.received().size() + " of " + total);
            }
            Thread.sleep(50);
        }
    }

    private interface Call {
        void run(int index) throws Exception;
    }

    private static double perSecond(int requests, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    call.run(i);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return requests / ((System.nanoTime() - started) / 1e9);
    }

    private static void check(int status, int expected, String what) {
        if (status != expected) {
            throw new IllegalStateException(what + " answered " + status);
        }
    }
}
