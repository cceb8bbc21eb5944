package com.example.ats.event;

import static com.example.ats.shared.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.example.ats.shared.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A tool that was away catches up through the feed without gaps or repeats, while new events keep coming from
 * concurrent transactions (whose numbers are taken in commit order); a cursor the feed cannot serve is 410.
 */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    Outbox outbox;

    @Inject
    EventRetention retention;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theFeedWalksTenThousandEventsWhileNewOnesArriveWithNoGapOrRepeat() throws Exception {
        String start = Feed.end();
        List<UUID> written = new CopyOnWriteArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            written.addAll(record(500));
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            running.add(writers.submit(() -> {
                while (writing.get()) {
                    written.addAll(record(1 + (int) (Math.random() * 5)));
                }
                return null;
            }));
        }

        List<String> read = new ArrayList<>();
        String cursor = start;
        int pages = 0;
        while (read.size() < 10_000 || pages < 15) {
            Map<String, Object> page = as("hr-admin")
                    .queryParam("after", cursor)
                    .queryParam("limit", 700)
                    .queryParam("types", "vacancy.changed")
                    .get(Feed.PATH)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            items.forEach(item -> read.add((String) ((Map<?, ?>) item.get("data")).get("vacancyId")));
            cursor = (String) page.get("nextCursor");
            pages++;
        }
        writing.set(false);
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();
        read.addAll(Feed.since(cursor).events().stream()
                .filter(e -> e.get("type").equals("vacancy.changed"))
                .map(e -> (String) ((Map<?, ?>) e.get("data")).get("vacancyId"))
                .toList());

        assertThat(written.size()).isGreaterThan(10_000);
        assertThat(read).doesNotHaveDuplicates();
        Set<String> expected = new HashSet<>();
        written.forEach(id -> expected.add(id.toString()));
        assertThat(new HashSet<>(read)).isEqualTo(expected);
    }

    @Test
    void aCursorOlderThanTheKeptPeriodIsGoneAndTheToolKnowsToResync() {
        record(1);
        String before = Feed.end();
        record(2);
        String after = Feed.end();
        clock.travel(Duration.ofDays(31));
        retention.pruneNow();
        record(1);

        as("hr-admin")
                .queryParam("after", before)
                .get(Feed.PATH)
                .then()
                .statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ats:problem:gone"))
                .body("detail", containsString("start"));
        as("hr-admin").queryParam("after", after).get(Feed.PATH).then().statusCode(200);
        as("hr-admin").get(Feed.PATH).then().statusCode(200);
    }

    @Test
    void aCursorTheFeedDidNotMakeIsRefused() {
        as("hr-admin").queryParam("after", "not-a-cursor").get(Feed.PATH).then().statusCode(400);
        String ahead = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("e:999999999999".getBytes(StandardCharsets.UTF_8));
        as("hr-admin").queryParam("after", ahead).get(Feed.PATH).then().statusCode(410);
        as("hr-admin")
                .queryParam("types", "application.received,candidate.deleted")
                .get(Feed.PATH)
                .then()
                .statusCode(400)
                .body("detail", containsString("application.purged"));
        as("hr-admin").queryParam("limit", 1001).get(Feed.PATH).then().statusCode(422);
    }

    /** Events about new vacancy ids, each in its own transaction; returns the ids in order. */
    private List<UUID> record(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                outbox.record(EventType.VACANCY_CHANGED, id, "status", "OPEN");
                ids.add(id);
            }
            return ids;
        });
    }
}
