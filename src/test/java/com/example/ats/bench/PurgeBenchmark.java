package com.example.ats.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.example.ats.purge.Purger;
import com.example.ats.storage.StorageConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Purge throughput against its physical limit, in one run: the same number of expired applications (two real
 * objects each in MinIO) is removed (a) by the raw baseline, one multi-object delete per 1000 keys and one DELETE
 * statement for all rows, and (b) by the service's {@link Purger}, with its locks, batches and purge records.
 * Repeated, alternating; prints medians and the ratio. Not part of the test suite: run {@code bench/purge}.
 */
@QuarkusTest
class PurgeBenchmark {

    private static final int APPLICATIONS = Integer.getInteger("bench.applications", 2_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);
    private static final int SEED_THREADS = 16;
    private static final byte[] CONTENT = new byte[4096];

    @Inject
    Purger purger;

    @Inject
    DataSource dataSource;

    @Inject
    StorageConfig storage;

    record Measure(double seconds, long peakHeapBytes) {
        double perSecond() {
            return APPLICATIONS / seconds;
        }
    }

    @Test
    void purge() throws Exception {
        assumeFalse(Boolean.getBoolean("ats.heap-capped"), "the benchmark runs in the default execution only");
        ThreadLocalRandom.current().nextBytes(CONTENT);
        MinioClient minio = MinioClient.builder()
                .endpoint(storage.endpoint())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
        List<Measure> baseline = new ArrayList<>();
        List<Measure> service = new ArrayList<>();
        for (int round = 1; round <= REPEATS; round++) {
            seed(minio, "bench-baseline-" + round);
            baseline.add(measure(() -> rawPurge(minio)));
            assertThat(remaining()).isZero();

            seed(minio, "bench-service-" + round);
            Purger.Run[] run = new Purger.Run[1];
            service.add(measure(() -> run[0] = purger.run()));
            assertThat(run[0].purged()).isEqualTo(APPLICATIONS);
            assertThat(remaining()).isZero();
            System.out.printf(
                    "round %d: baseline %.0f apps/s, service %.0f apps/s%n",
                    round, baseline.getLast().perSecond(), service.getLast().perSecond());
            report(baseline, service); // after every round, so a long run cut short still leaves its figures
        }
    }

    /** Rows via generate_series, objects with concurrent PUTs: two per application (CV and letter). */
    private void seed(MinioClient minio, String batch) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            execute(
                    connection,
                    "insert into application (id, status, applied_at, expires_at, policy_version,"
                            + " access_token_hash) select gen_random_uuid(), 'RECEIVED', now() - interval '40 days',"
                            + " now() - interval '10 days' + n * interval '1 millisecond', ?,"
                            + " sha256(convert_to(? || n, 'UTF8')) from generate_series(1, " + APPLICATIONS + ") n",
                    batch,
                    batch);
            connection.commit();
            // Fresh statistics, so the foreign-key checks of the inserts below use the primary key index instead of
            // a plan made for the empty table the previous round left (which scans the table once per row).
            execute(connection, "analyze application");
            execute(
                    connection,
                    "insert into applicant (application_id, email) select id, 'bench@example.org'"
                            + " from application where policy_version = ?",
                    batch);
            execute(
                    connection,
                    "insert into document (id, application_id, kind, file_name, media_type, size_bytes,"
                            + " sha256, object_key, created_at) select gen_random_uuid(), a.id, k.kind, 'f.pdf',"
                            + " 'application/pdf', 4096, repeat('0', 64), 'applications/' || a.id || '/' || gen_random_uuid(),"
                            + " now() from application a, (values ('CV'), ('MOTIVATION_LETTER')) k(kind)"
                            + " where a.policy_version = ?",
                    batch);
            execute(
                    connection,
                    "insert into consent_event (application_id, kind, action, occurred_at, channel)"
                            + " select id, 'RETENTION', 'REFUSED', applied_at, 'WEB' from application where policy_version = ?",
                    batch);
            connection.commit();
        }
        List<String> keys = keys("select object_key from document d join application a on a.id = d.application_id"
                + " where a.policy_version = '" + batch + "'");
        try (ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS)) {
            List<Future<?>> puts = new ArrayList<>();
            for (String key : keys) {
                puts.add(pool.submit(() -> {
                    minio.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key).stream(
                                    new ByteArrayInputStream(CONTENT), (long) CONTENT.length, null)
                            .contentType("application/pdf")
                            .build());
                    return null;
                }));
            }
            for (Future<?> put : puts) {
                put.get();
            }
        }
        System.out.printf(
                "seeded %d applications and %d objects in %.1f s%n",
                APPLICATIONS, keys.size(), (System.nanoTime() - started) / 1e9);
    }

    /** The physical floor: every key in 1000-key multi-object deletes, then every row in one statement. */
    private void rawPurge(MinioClient minio) throws Exception {
        List<String> keys = keys("select object_key from document d join application a on a.id = d.application_id"
                + " where a.expires_at <= now()");
        for (int from = 0; from < keys.size(); from += 1000) {
            List<DeleteRequest.Object> objects = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(DeleteRequest.Object::new)
                    .toList();
            for (Result<DeleteResult.Error> error : minio.removeObjects(RemoveObjectsArgs.builder()
                    .bucket(storage.bucket())
                    .objects(objects)
                    .build())) {
                throw new IllegalStateException("delete failed: " + error.get().code());
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "delete from application where expires_at <= now()");
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static Measure measure(Work work) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Measure(seconds, peak);
    }

    private long remaining() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(*) from application");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> keys(String sql) throws Exception {
        List<String> keys = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static void report(List<Measure> baseline, List<Measure> service) throws Exception {
        double baseRate =
                median(baseline.stream().mapToDouble(Measure::perSecond).toArray());
        double serviceRate =
                median(service.stream().mapToDouble(Measure::perSecond).toArray());
        double baseHeap = median(baseline.stream()
                .mapToDouble(m -> m.peakHeapBytes() / 1048576.0)
                .toArray());
        double serviceHeap = median(
                service.stream().mapToDouble(m -> m.peakHeapBytes() / 1048576.0).toArray());
        String report = String.format(
                """
                ## Purge benchmark, %s
                cores: %d; applications per round: %,d (2 objects of 4 KiB each); rounds: %d; medians
                | | applications/s | peak heap (MiB) |
                |---|---:|---:|
                | baseline: raw multi-object delete + one DELETE | %.0f | %.0f |
                | service: Purger (SKIP LOCKED batches, purge records) | %.0f | %.0f |
                | ratio service/baseline | %.2f | %.2f |
                rounds, applications/s: baseline %s, service %s
                """,
                LocalDate.now(),
                Runtime.getRuntime().availableProcessors(),
                APPLICATIONS,
                baseline.size(),
                baseRate,
                baseHeap,
                serviceRate,
                serviceHeap,
                serviceRate / baseRate,
                serviceHeap / baseHeap,
                rates(baseline),
                rates(service));
        System.out.println(report);
        Path out = Path.of("target", "bench", "purge.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        // The same figures for bench/run's BENCHMARKS.md.
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cores", Runtime.getRuntime().availableProcessors());
        figures.put("store", System.getenv().getOrDefault("ATS_STACK_STORE", "minio"));
        figures.put("applicationsPerRound", APPLICATIONS);
        figures.put("rounds", baseline.size());
        figures.put("baselinePerSecond", baseRate);
        figures.put("servicePerSecond", serviceRate);
        figures.put("ratio", serviceRate / baseRate);
        figures.put("baselineHeapMiB", baseHeap);
        figures.put("serviceHeapMiB", serviceHeap);
        figures.put("heapRatio", serviceHeap / baseHeap);
        figures.put("baselineRounds", rates(baseline));
        figures.put("serviceRounds", rates(service));
        new ObjectMapper().writeValue(out.resolveSibling("purge.json").toFile(), figures);
    }

    private static String rates(List<Measure> measures) {
        return Arrays.toString(
                measures.stream().mapToLong(m -> Math.round(m.perSecond())).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
