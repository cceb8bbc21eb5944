package com.example.ats.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.ats.shared.Api;
import com.example.ats.shared.Cursor;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * List latency at a million applications, first page and page 10,000 (by cursor), against a trivial endpoint of the
 * same service (an empty vacancy page: same security, JSON and audit-free path) in the same run. Not part of the
 * test suite: run {@code bench/list}.
 */
@QuarkusTest
class ListBenchmark {

    private static final int APPLICATIONS = Integer.getInteger("bench.applications", 20_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 2_000);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);
    private static final int PAGE = 25;
    private static final int DEEP_PAGE = Integer.getInteger("bench.deep-page", 10_000);

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    record Latencies(String name, double p50, double p99, double perSecond) {}

    @Test
    void list() throws Exception {
        assumeFalse(Boolean.getBoolean("ats.heap-capped"), "the benchmark runs in the default execution only");
        long seeded = seed();
        int deepPage = (int) Math.min(DEEP_PAGE, seeded / PAGE);
        String deepCursor = cursorBefore((long) (deepPage - 1) * PAGE);
        String token = Api.userToken("recruiter");

        List<Latencies> results = new ArrayList<>();
        List<String> paths = List.of(
                "/api/v1/vacancies?limit=1",
                "/api/v1/applications?limit=" + PAGE,
                "/api/v1/applications?limit=" + PAGE + "&cursor=" + deepCursor);
        List<String> names = List.of("baseline: empty vacancy page", "list: first page", "list: page " + deepPage);
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT and the caches
            results.clear();
            for (int i = 0; i < paths.size(); i++) {
                results.add(measure(names.get(i), paths.get(i), token));
            }
        }
        report(seeded, deepPage, results);
    }

    private long seed() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute("insert into application (id, status, applied_at, expires_at, policy_version,"
                    + " access_token_hash) select gen_random_uuid(),"
                    + " (array['RECEIVED','SCREENING','INTERVIEW','REJECTED'])[1 + n % 4],"
                    + " timestamptz '2025-01-01' + n * interval '60 seconds',"
                    + " timestamptz '2025-01-29' + n * interval '60 seconds', 'bench',"
                    + " sha256(convert_to('bench' || n, 'UTF8')) from generate_series(1, " + APPLICATIONS + ") n");
            statement.execute("insert into applicant (application_id, first_name, last_name, email, city)"
                    + " select id, 'Voornaam' || (hashtext(id::text) % 5000), 'Achternaam' || (hashtext(id::text) % 20000),"
                    + " 'a' || replace(id::text, '-', '') || '@example.org', 'Utrecht' from application"
                    + " where policy_version = 'bench'");
            statement.execute("analyze application");
            statement.execute("analyze applicant");
            try (ResultSet count = statement.executeQuery("select count(*) from application")) {
                count.next();
                System.out.printf(
                        "seeded %,d applications in %.1f s%n", count.getLong(1), (System.nanoTime() - started) / 1e9);
                return count.getLong(1);
            }
        }
    }

    /** The cursor a client holds after reading {@code skipped} items: made here once, walked nowhere. */
    private String cursorBefore(long skipped) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("select applied_at, id from application order by applied_at, id offset "
                                + (skipped - 1) + " limit 1")) {
            row.next();
            return new Cursor(row.getTimestamp(1).toInstant(), (UUID) row.getObject(2)).encode();
        }
    }

    private Latencies measure(String name, String path, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().build();
        URI uri = base.toURI().resolve(path);
        long[] nanos = new long[REQUESTS];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY)) {
            List<Future<?>> work = new ArrayList<>();
            for (int worker = 0; worker < CONCURRENCY; worker++) {
                int first = worker;
                work.add(pool.submit(() -> {
                    for (int i = first; i < REQUESTS; i += CONCURRENCY) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token)
                                .build();
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        nanos[i] = System.nanoTime() - t0;
                        assertThat(response.statusCode()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> w : work) {
                w.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                REQUESTS / seconds);
    }

    private static void report(long seeded, int deepPage, List<Latencies> results) throws Exception {
        Latencies baseline = results.getFirst();
        StringBuilder report = new StringBuilder(String.format(
                """
                ## List benchmark, %s
                cores: %d; applications: %,d; %,d requests per scenario at concurrency %d, after a warm-up round
                | scenario | p50 (ms) | p99 (ms) | requests/s | p99 / baseline p99 |
                |---|---:|---:|---:|---:|
                """, LocalDate.now(), Runtime.getRuntime().availableProcessors(), seeded, REQUESTS, CONCURRENCY));
        for (Latencies result : results) {
            report.append(String.format(
                    "| %s | %.2f | %.2f | %.0f | %.2f |%n",
                    result.name(), result.p50(), result.p99(), result.perSecond(), result.p99() / baseline.p99()));
        }
        System.out.println(report);
        Path out = Path.of("target", "bench", "list.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report + "(page " + deepPage + " reached by cursor; generated " + Instant.now() + ")\n");
    }
}
