package com.example.ats.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** BENCHMARKS.md from a run's results, plus the hand-written analysis in bench/ANALYSIS.md. */
final class Report {

    private static final Path ANALYSIS = Path.of("bench", "ANALYSIS.md");

    private Report() {}

    /** The figures of every {@code bench/run --store} run kept beside the report ({@code bench/store-*.json}). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> stores(Path out) throws IOException {
        Path dir = out.resolve("bench");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Map<String, Object>> stores = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("store-.*\\.json"))
                    .sorted()
                    .toList()) {
                stores.add(new ObjectMapper().readValue(file.toFile(), Map.class));
            }
        }
        return stores;
    }

    /** The intake and purge figures of each S3 server, each against its own baseline, in one table each. */
    @SuppressWarnings("unchecked")
    static String storesSideBySide(List<Map<String, Object>> stores) {
        StringBuilder md = new StringBuilder("## 4c. S3 servers side by side\n\n");
        if (stores.isEmpty()) {
            return md.append("Not run (`bench/run --store minio`, `bench/run --store seaweedfs`).\n\n")
                    .toString();
        }
        md.append("The intake and purge scenarios above on each S3 server `bin/stack` runs, one run per server, each"
                        + " figure against its baseline on the same server in the same run: the direct SDK put and the"
                        + " raw batch delete. Sizes, rounds and concurrency as in sections 1 and 4 unless said below;"
                        + " runs: ")
                .append(stores.stream()
                        .map(store -> f(
                                "%s on %s (%s mode, `%s`)",
                                name(store), store.get("date"), store.get("mode"), store.get("command")))
                        .collect(Collectors.joining("; ")))
                .append(".\n\n");
        md.append("| CV | concurrency |");
        stores.forEach(store -> md.append(f(" %1$s service MB/s | %1$s direct MB/s | %1$s ratio |", name(store))));
        md.append("\n|---|---:|")
                .append("---:|---:|---:|".repeat(stores.size()))
                .append('\n');
        List<Map<String, Object>> first =
                (List<Map<String, Object>>) stores.get(0).getOrDefault("intake", List.of());
        for (int i = 0; i < first.size(); i++) {
            md.append(f(
                    "| %s MiB | %s |", first.get(i).get("sizeMiB"), first.get(i).get("concurrency")));
            for (Map<String, Object> store : stores) {
                List<Map<String, Object>> cells = (List<Map<String, Object>>) store.getOrDefault("intake", List.of());
                if (i < cells.size()) {
                    Map<String, Object> cell = cells.get(i);
                    md.append(f(
                            " %.1f | %.1f | %.2f |",
                            num(((Map<String, Object>) cell.get("service")).get("megabytesPerSecond")),
                            num(((Map<String, Object>) cell.get("direct")).get("megabytesPerSecond")),
                            num(cell.get("ratio"))));
                } else {
                    md.append(" – | – | – |");
                }
            }
            md.append('\n');
        }
        md.append("\n| purge |");
        stores.forEach(store -> md.append(' ').append(name(store)).append(" |"));
        md.append("\n|---|").append("---:|".repeat(stores.size())).append('\n');
        for (String[] row : new String[][] {
            {"applications per round × rounds", "applicationsPerRound"},
            {"baseline: raw batch delete, applications/s", "baselinePerSecond"},
            {"service: Purger, applications/s", "servicePerSecond"},
            {"ratio", "ratio"}
        }) {
            md.append("| ").append(row[0]).append(" |");
            for (Map<String, Object> store : stores) {
                Map<String, Object> purge = (Map<String, Object>) store.get("purge");
                if (purge == null) {
                    md.append(" – |");
                } else if (row[1].equals("applicationsPerRound")) {
                    md.append(f(" %,d × %s |", (long) num(purge.get(row[1])), purge.get("rounds")));
                } else if (row[1].equals("ratio")) {
                    md.append(f(" %.2f |", num(purge.get(row[1]))));
                } else {
                    md.append(f(" %.0f |", num(purge.get(row[1]))));
                }
            }
            md.append('\n');
        }
        return md.append('\n').toString();
    }

    private static String name(Map<String, Object> store) {
        return switch (String.valueOf(store.get("store"))) {
            case "minio" -> "MinIO";
            case "seaweedfs" -> "SeaweedFS";
            default -> String.valueOf(store.get("store"));
        };
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results, List<Map<String, Object>> stores, Map<String, Object> scale)
            throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n")
                .append(f(
                        "Run of %s (%s mode), `%s`: %s cores, %s GiB, Java %s. The service (packaged jar, prod profile),"
                                + " PostgreSQL, MinIO, Keycloak and the load generators all share this one machine."
                                + " Every figure sits next to its baseline measured in the same run; medians of the"
                                + " rounds given.\n\n",
                        results.get("date"),
                        results.get("mode"),
                        results.get("command"),
                        results.get("cores"),
                        results.get("memoryGiB"),
                        results.get("java")))
                .append("Generated by `bench/run`; do not edit by hand (the analysis at the end comes from"
                        + " `bench/ANALYSIS.md`).\n\n");

        List<Map<String, Object>> intake = (List<Map<String, Object>>) results.get("intake");
        Map<String, Object> read = (Map<String, Object>) results.get("read");
        List<Map<String, Object>> targets = (List<Map<String, Object>>) read.get("targets");
        md.append("## Targets\n\nIssue 37's targets, each against its baseline from the same run (the ten-million"
                        + " rows from the last `bench/run --scale`, section 6).\n\n")
                .append("| target | measured | met |\n|---|---|---|\n");
        for (Map<String, Object> cell : intake) {
            if (num(cell.get("concurrency")) == 4) {
                double ratio = num(cell.get("ratio"));
                double wanted = num(cell.get("sizeMiB")) >= 10 ? 0.6 : 0.45;
                md.append(target(
                        f("intake %s MiB at concurrency 4: service/direct ≥ %.2f", cell.get("sizeMiB"), wanted),
                        f("%.2f", ratio),
                        ratio >= wanted));
            }
        }
        double vacancyRate = targets.stream()
                .filter(target -> ((String) target.get("name")).contains("vacancy"))
                .mapToDouble(target -> num(target.get("perSecond")))
                .findFirst()
                .orElse(Double.NaN);
        for (Map<String, Object> target : targets) {
            String name = (String) target.get("name");
            if (name.equals("list: first page") || name.equals("detail")) {
                double wanted = name.equals("detail") ? 0.6 : 0.5;
                double ratio = num(target.get("perSecond")) / vacancyRate;
                md.append(target(
                        f("%s: requests/s ≥ %.1f × empty vacancy page", name, wanted),
                        f("%.2f (%.0f / %.0f)", ratio, num(target.get("perSecond")), vacancyRate),
                        ratio >= wanted));
            }
        }
        Map<String, Object> start = (Map<String, Object>) results.get("startup");
        if (start != null) {
            double ready = num(start.get("serviceReadyMs"));
            double anon = num(start.getOrDefault("serviceIdleRssAnonMiB", Double.NaN));
            md.append(target(
                    "start to ready with the AOT cache ≤ 4.0 s (median)",
                    f("%.1f s (empty JVM %.2f s)", ready / 1000, num(start.get("emptyJvmMs")) / 1000),
                    ready <= 4000));
            md.append(target(
                    "idle RSS, anonymous ≤ 240 MiB (median)",
                    f(
                            "%.1f MiB (all %.1f MiB; empty JVM %.0f MiB)",
                            anon, num(start.get("serviceIdleRssMiB")), num(start.get("emptyJvmRssMiB"))),
                    anon <= 240));
        }
        md.append(scaleTargets(scale));
        Map<String, Object> burstRun = (Map<String, Object>) results.get("burst");
        if (burstRun != null) {
            Map<String, Object> waiting = (Map<String, Object>) burstRun.get("waiting");
            Map<String, Object> others = (Map<String, Object>) waiting.get("otherAnswers");
            long refused = others == null
                    ? 0
                    : others.values().stream()
                            .mapToLong(value -> (long) num(value))
                            .sum();
            boolean allEqual = num(waiting.get("byteEqual")) == num(waiting.get("accepted"));
            md.append(target(
                    f(
                            "%s concurrent uploaders × %s s on one replica: 0 refused, 100 %% byte-equal",
                            burstRun.get("uploaders"), burstRun.get("seconds")),
                    f(
                            "%s answered 201 (%.1f/s, p99 %.0f ms), %d other answers, %s of %s byte-equal",
                            waiting.get("accepted"),
                            num(waiting.get("acceptedPerSecond")),
                            num(waiting.get("p99Ms")),
                            refused,
                            waiting.get("byteEqual"),
                            waiting.get("accepted")),
                    refused == 0 && allEqual));
        } else {
            md.append(
                    "| 50 concurrent uploaders × 60 s on one replica: 0 refused | not in this run | not measured |\n");
        }

        md.append("\n## 1. Intake throughput\n\n")
                .append("`POST /api/v1/applications` with one CV (plain text) of the size given, against the same bytes"
                        + " put straight into MinIO with the MinIO SDK (`uploadObject`, one signed PUT, as the service"
                        + " does), at the same concurrency. Both puts compute the same checks of the body: the signed"
                        + " payload SHA-256 (`x-amz-content-sha256`, plain HTTP) and a CRC32 checksum"
                        + " (`x-amz-checksum-crc32`; the SDK's default CRC32C is computed byte by byte and slower), so"
                        + " the ratio compares like with like. MB/s counts the CV bytes (10^6 bytes).\n\n")
                .append("| CV | concurrency | service MB/s | service applications/s | service p50 / p99 ms |"
                        + " direct MB/s | direct p50 / p99 ms | ratio (MB/s) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> cell : intake) {
            Map<String, Object> service = (Map<String, Object>) cell.get("service");
            Map<String, Object> direct = (Map<String, Object>) cell.get("direct");
            md.append(f(
                    "| %s MiB | %s | %.1f | %.1f | %.0f / %.0f | %.1f | %.0f / %.0f | %.2f |\n",
                    cell.get("sizeMiB"),
                    cell.get("concurrency"),
                    num(service.get("megabytesPerSecond")),
                    num(service.get("perSecond")),
                    num(service.get("p50Ms")),
                    num(service.get("p99Ms")),
                    num(direct.get("megabytesPerSecond")),
                    num(direct.get("p50Ms")),
                    num(direct.get("p99Ms")),
                    num(cell.get("ratio"))));
        }
        md.append(f(
                "\nRequests per cell and path: 1 MiB %s, 10 MiB %s; %s rounds, alternating which path goes first.\n\n",
                intake.get(0).get("requests"),
                intake.get(intake.size() - 1).get("requests"),
                intake.get(0).get("rounds")));
        md.append("![Intake throughput by concurrency](bench/intake-throughput.png)\n\n");
        Map<String, Object> cpu = (Map<String, Object>) results.get("intakeCpu");
        md.append(
                        "Where the cores go, 10 MiB at concurrency 4 (CPU time from /proc per MB uploaded; one extra run of each"
                                + " path):\n\n")
                .append("| path | MB/s | service CPU ms/MB | MinIO CPU ms/MB | client CPU ms/MB | total CPU ms/MB |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String path : List.of("service", "direct")) {
            Map<String, Object> row = (Map<String, Object>) cpu.get(path);
            double total = num(row.get("serviceCpuMsPerMB"))
                    + num(row.get("minioCpuMsPerMB"))
                    + num(row.get("clientCpuMsPerMB"));
            md.append(f(
                    "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |\n",
                    path.equals("service") ? "service" : "direct (baseline)",
                    num(row.get("megabytesPerSecond")),
                    num(row.get("serviceCpuMsPerMB")),
                    num(row.get("minioCpuMsPerMB")),
                    num(row.get("clientCpuMsPerMB")),
                    total));
        }
        md.append("\n");
        List<Map<String, Object>> scanning = (List<Map<String, Object>>) results.get("intakeScanning");
        if (scanning != null) {
            md.append("What the malware scan costs (ADR 0015): the same intake against the service scanning every file"
                            + " with clamd before the application is recorded, and against a second one with scanning off"
                            + " (`ATS_SCAN_ENABLED=false`), alternating:\n\n")
                    .append("| CV | concurrency | scanning MB/s | p50 / p99 ms | not scanning MB/s | p50 / p99 ms |"
                            + " ratio (MB/s) |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> cell : scanning) {
                Map<String, Object> on = (Map<String, Object>) cell.get("scanning");
                Map<String, Object> off = (Map<String, Object>) cell.get("notScanning");
                md.append(f(
                        "| %s MiB | %s | %.1f | %.0f / %.0f | %.1f | %.0f / %.0f | %.2f |\n",
                        cell.get("sizeMiB"),
                        cell.get("concurrency"),
                        num(on.get("megabytesPerSecond")),
                        num(on.get("p50Ms")),
                        num(on.get("p99Ms")),
                        num(off.get("megabytesPerSecond")),
                        num(off.get("p50Ms")),
                        num(off.get("p99Ms")),
                        num(cell.get("ratio"))));
            }
            md.append("\n");
        }

        Map<String, Object> burst = (Map<String, Object>) results.get("burst");
        if (burst != null) {
            md.append(f(
                            "A burst: %s applicants uploading at once to one replica for %s s (CVs of 2 KB to 1 MB, each"
                                    + " sending its next as soon as the last is answered), against the service as it"
                                    + " runs (an intake beyond the 32 receiving slots waits up to 10 s for one) and"
                                    + " against one that refuses it at once (`ATS_INTAKE_UPLOAD_SLOT_WAIT=PT0S`, the"
                                    + " behaviour before); a client told 503 waits as Retry-After says; latencies of"
                                    + " the intakes answered 201; every accepted CV read back:\n\n",
                            burst.get("uploaders"), burst.get("seconds")))
                    .append(
                            "| service | answered 201 | other answers | accepted / s | p50 | p99 | read back byte-equal |\n")
                    .append("|---|---:|---|---:|---:|---:|---:|\n");
            for (String which : List.of("waiting", "refusingAtOnce")) {
                Map<String, Object> figures = (Map<String, Object>) burst.get(which);
                md.append(f(
                        "| %s | %s | %s | %.1f | %.0f ms | %.0f ms | %s of %s |\n",
                        which.equals("waiting") ? "waits for a slot" : "refuses at once",
                        figures.get("accepted"),
                        figures.get("otherAnswers"),
                        num(figures.get("acceptedPerSecond")),
                        num(figures.get("p50Ms")),
                        num(figures.get("p99Ms")),
                        figures.get("byteEqual"),
                        figures.get("accepted")));
            }
            md.append("\n");
        }

        List<Map<String, Object>> encryption = (List<Map<String, Object>>) results.get("encryption");
        if (encryption != null) {
            md.append(
                            "What encrypting every file costs (ADR 0030; the aim: at most 10 % less throughput, a ratio of 0.90"
                                    + " or more): intake and download against the service encrypting each file with its"
                                    + " application's key, and against a second one with encryption off"
                                    + " (`ATS_ENCRYPTION_ENABLED=false`), alternating; medians of the rounds:\n\n")
                    .append("| CV | concurrency | intake encrypting MB/s | not encrypting MB/s | ratio |"
                            + " download encrypted MB/s | not encrypted MB/s | ratio |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> cell : encryption) {
                md.append(f(
                        "| %s MiB | %s | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f |\n",
                        cell.get("sizeMiB"),
                        cell.get("concurrency"),
                        num(((Map<String, Object>) cell.get("intakeEncrypting")).get("megabytesPerSecond")),
                        num(((Map<String, Object>) cell.get("intakeNotEncrypting")).get("megabytesPerSecond")),
                        num(cell.get("intakeRatio")),
                        num(((Map<String, Object>) cell.get("downloadEncrypted")).get("megabytesPerSecond")),
                        num(((Map<String, Object>) cell.get("downloadNotEncrypted")).get("megabytesPerSecond")),
                        num(cell.get("downloadRatio"))));
            }
            md.append("\n");
        }

        Map<String, Object> memory = (Map<String, Object>) results.get("memory");
        md.append("## 2. Memory under upload\n\n")
                .append(f(
                        "A service of its own with `-Xmx%s m`, a heap smaller than the bytes in flight: %s uploads of"
                                + " 10 MiB, %s at a time (%s MiB in flight), %s answered 201. Sampled every 50 ms;"
                                + " baseline: the same process idle after a full GC. Heap from the service's own"
                                + " metrics, RSS from /proc.\n\n",
                        memory.get("maxHeapMiB"),
                        memory.get("uploads"),
                        memory.get("concurrency"),
                        memory.get("inFlightMiB"),
                        memory.get("succeeded")))
                .append(
                        "| | idle (baseline) | peak under upload | growth | growth / bytes in flight |\n|---|---:|---:|---:|---:|\n")
                .append(f(
                        "| heap used | %.0f MiB | %.0f MiB | %.0f MiB | %.2f |\n",
                        num(memory.get("idleHeapMiB")),
                        num(memory.get("peakHeapMiB")),
                        num(memory.get("peakHeapMiB")) - num(memory.get("idleHeapMiB")),
                        num(memory.get("heapGrowthPerInFlightByte"))))
                .append(f(
                        "| RSS | %.0f MiB | %.0f MiB | %.0f MiB | %.2f |\n\n",
                        num(memory.get("idleRssMiB")),
                        num(memory.get("peakRssMiB")),
                        num(memory.get("peakRssMiB")) - num(memory.get("idleRssMiB")),
                        (num(memory.get("peakRssMiB")) - num(memory.get("idleRssMiB")))
                                / num(memory.get("inFlightMiB"))))
                .append("Every upload fitting a heap smaller than the files in flight shows that no request holds its"
                        + " file in memory: the service reads each upload as it arrives, writes it to a local copy and"
                        + " sends its parts to MinIO from there. What the heap does hold is each request's garbage"
                        + " until the next collection.\n\n");

        md.append("## 3. Read path\n\n")
                .append(f(
                        "%,d applications seeded (%.0f s), `wrk -t2 -c%s -d%ss --latency`, %s rounds after a warm-up,"
                                + " as `recruiter` with a real Keycloak token. Every staff read also writes its audit"
                                + " event. Baselines: the liveness probe (no login, no database) and an empty vacancy"
                                + " page (same login, JSON and database round trip, no audit).\n\n",
                        (long) num(read.get("applications")),
                        num(read.get("seedSeconds")),
                        read.get("connections"),
                        read.get("seconds"),
                        read.get("rounds")))
                .append("| endpoint | requests/s | requests/s / empty vacancy page | p50 ms | p99 ms | errors |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> target : targets) {
            md.append(f(
                    "| %s | %.0f | %.2f | %.1f | %.1f | %s |\n",
                    target.get("name"),
                    num(target.get("perSecond")),
                    num(target.get("perSecond")) / vacancyRate,
                    num(target.get("p50Ms")),
                    num(target.get("p99Ms")),
                    target.get("errors")));
        }
        md.append("\n![List latency by page depth](bench/list-latency.png)\n\n");
        List<Map<String, Object>> openLoop = (List<Map<String, Object>>) read.get("openLoop");
        if (openLoop != null) {
            md.append("### 3b. Latency at a fixed arrival rate (open loop)\n\n")
                    .append(f(
                            "The same service and data, each endpoint offered a fixed rate of requests whatever its"
                                    + " answers do (`vegeta attack -rate=R/s`, %s s per step), rising until the knee:"
                                    + " the first step where it no longer keeps up (achieved < 95%% of offered, over 1%%"
                                    + " errors, or p99 over 1 s). The first rate is measured in 3 rounds (medians), the"
                                    + " others once. Percentiles over every request of the step.\n\n",
                            openLoop.get(0).get("seconds")))
                    .append("| endpoint | offered/s | achieved/s | p50 ms | p99 ms | p99.9 ms | errors |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> curve : openLoop) {
                for (Map<String, Object> step : (List<Map<String, Object>>) curve.get("steps")) {
                    md.append(f(
                            "| %s | %.0f | %.0f | %.1f | %.1f | %.1f | %s |\n",
                            curve.get("name"),
                            num(step.get("rate")),
                            num(step.get("achieved")),
                            num(step.get("p50Ms")),
                            num(step.get("p99Ms")),
                            num(step.get("p999Ms")),
                            step.get("errors")));
                }
            }
            md.append("\n![Latency by offered rate](bench/open-loop.png)\n\n");
        }

        Map<String, Object> purge = (Map<String, Object>) results.get("purge");
        md.append("## 4. Purge\n\n");
        if (purge == null) {
            md.append("Not run (no target/bench/purge.json).\n\n");
        } else {
            md.append(f(
                            "`bench/purge %s %s`: %,d expired applications per round with two real 4 KiB objects each;"
                                    + " the service's `Purger` (SKIP LOCKED batches of 200, purge records) against the raw"
                                    + " floor (one multi-object delete per 1000 keys, one `DELETE` of all rows).\n\n",
                            purge.get("applicationsPerRound"), purge.get("rounds"), (long)
                                    num(purge.get("applicationsPerRound"))))
                    .append("| | applications/s | peak heap MiB | rounds (applications/s) |\n|---|---:|---:|---|\n")
                    .append(f(
                            "| baseline: raw batch delete | %.0f | %.0f | %s |\n",
                            num(purge.get("baselinePerSecond")),
                            num(purge.get("baselineHeapMiB")),
                            purge.get("baselineRounds")))
                    .append(f(
                            "| service: Purger | %.0f | %.0f | %s |\n",
                            num(purge.get("servicePerSecond")),
                            num(purge.get("serviceHeapMiB")),
                            purge.get("serviceRounds")))
                    .append(f("| ratio | %.2f | %.2f | |\n\n", num(purge.get("ratio")), num(purge.get("heapRatio"))));
        }

        Map<String, Object> events = (Map<String, Object>) results.get("events");
        md.append("## 4b. Outbox and webhooks\n\n");
        if (events == null) {
            md.append("Not run.\n\n");
        } else {
            md.append(f(
                            "Every change writes its event in its own transaction (ADR 0011). Baseline: the same"
                                    + " requests with no webhook subscription; measured: with three subscriptions to every"
                                    + " event type, their deliveries going out meanwhile to a receiver on loopback."
                                    + " Concurrency 4, 100 KiB CVs, medians of %s rounds, alternating.\n\n",
                            events.get("rounds")))
                    .append("| | no subscription /s | 3 subscriptions /s | ratio |\n|---|---:|---:|---:|\n")
                    .append(f(
                            "| intake | %.1f | %.1f | %.2f |\n",
                            num(events.get("intakePerSecondWithout")),
                            num(events.get("intakePerSecondWith3")),
                            num(events.get("intakeRatio"))))
                    .append(f(
                            "| status change | %.1f | %.1f | %.2f |\n\n",
                            num(events.get("statusChangesPerSecondWithout")),
                            num(events.get("statusChangesPerSecondWith3")),
                            num(events.get("statusChangeRatio"))))
                    .append(f(
                            "Delivery rate to one subscription on loopback (signed POSTs, eight in flight, shared"
                                    + " fairly when several subscriptions wait; from the first arrival to the last):"
                                    + " **%.0f deliveries/s**.\n\n",
                            num(events.get("deliveriesPerSecond"))));
        }

        md.append(storesSideBySide(stores));

        Map<String, Object> startup = (Map<String, Object>) results.get("startup");
        md.append("## 5. Start-up and footprint\n\n")
                .append(f(
                        "The packaged service as bin/run and the image start it (`java %s -jar"
                                + " target/quarkus-app/quarkus-run.jar`, prod profile; ADR 0018), from process start to"
                                + " readiness UP (database migrated, store checked), and its RSS idle after a full GC;"
                                + " the same without the ahead-of-time cache; baseline: an empty JVM (`IdleJvm`) on the"
                                + " same Java.\n\n",
                        String.join(" ", (List<String>) startup.getOrDefault("jvmOptions", List.of()))))
                .append("| | time to ready ms | idle RSS MiB |\n|---|---:|---:|\n")
                .append(f(
                        "| service | %.0f | %.0f |\n| service without the AOT cache | %.0f | %.0f |\n"
                                + "| baseline: empty JVM | %.0f | %.0f |\n| ratio service / empty JVM | %.1f | %.1f |\n\n",
                        num(startup.get("serviceReadyMs")),
                        num(startup.get("serviceIdleRssMiB")),
                        num(startup.get("withoutAotCacheReadyMs")),
                        num(startup.get("withoutAotCacheIdleRssMiB")),
                        num(startup.get("emptyJvmMs")),
                        num(startup.get("emptyJvmRssMiB")),
                        num(startup.get("serviceReadyMs")) / num(startup.get("emptyJvmMs")),
                        num(startup.get("serviceIdleRssMiB")) / num(startup.get("emptyJvmRssMiB"))))
                .append(f(
                        "Of the service's idle RSS, %.0f MiB are anonymous (heap, stacks, native allocations: what it"
                                + " costs) and %.0f MiB file-backed (the AOT cache, jars and libraries: pages the"
                                + " kernel can drop or share).\n\n",
                        num(startup.getOrDefault("serviceIdleRssAnonMiB", Double.NaN)),
                        num(startup.getOrDefault("serviceIdleRssFileMiB", Double.NaN))))
                .append(f(
                        "Runs: %s (medians); each ready time (ms): %s; without the cache: %s.\n\n",
                        startup.get("runs"),
                        startup.get("serviceReadyMsRuns"),
                        startup.get("withoutAotCacheReadyMsRuns")));

        md.append(scaleSection(scale));

        Map<String, Object> profiles = (Map<String, Object>) results.get("profiles");
        md.append("## Profiles\n\nThread-dump sampling of the service under the load named (see `StackSampler`): a"
                        + " table of the methods most often on the stack, with collapsed stacks for a flame graph tool"
                        + " beside it: ")
                .append(profiles.entrySet().stream()
                        .map(profile -> f("%s (`%s`)", profile.getKey(), profile.getValue()))
                        .collect(Collectors.joining("; ")))
                .append(". They are generated and not committed: `bench/run` writes them beside this report,"
                        + " and `bench/run --only=intake,read` makes just these, into"
                        + " `target/bench/partial/bench/`.\n\n");

        if (Files.exists(ANALYSIS)) {
            md.append(Files.readString(ANALYSIS));
        }
        return md.toString();
    }

    /** The results of the last {@code bench/run --scale} (docs/bench/scale.json), or null when it never ran. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> scale(Path out) throws IOException {
        Path file = out.resolve("bench/scale.json");
        return Files.exists(file) ? new ObjectMapper().readValue(file.toFile(), Map.class) : null;
    }

    /** Section 6: the read paths, the feed and the disk at ten million applications, each against its baseline. */
    @SuppressWarnings("unchecked")
    static String scaleSection(Map<String, Object> run) {
        StringBuilder md = new StringBuilder("## 6. Ten million applications\n\n");
        Map<String, Object> scale = run == null ? null : (Map<String, Object>) run.get("scale");
        if (scale == null) {
            return md.append("Not run (`bench/run --scale`, by hand: about an hour on 2 cores).\n\n")
                    .toString();
        }
        Map<String, Map<String, Object>> small = (Map<String, Map<String, Object>>) scale.get("atSmall");
        Map<String, Map<String, Object>> large = (Map<String, Map<String, Object>>) scale.get("atLarge");
        md.append(f(
                "Run of %s (%s mode), `%s`: %,d applications with their applicants, %,d audit events over 24 months"
                        + " (in their months' tables, ADR 0031) and %,d outbox events over 29 days, seeded in bulk into"
                        + " the benchmark's database; the service as in section 3 (wrk, 32 connections, %s rounds of"
                        + " %s s after a warm-up; medians). The search is measured at %,d applications first, then"
                        + " again at the full size.\n\n",
                run.get("date"),
                run.get("mode"),
                run.get("command"),
                (long) num(scale.get("large")),
                (long) num(scale.get("auditEvents")),
                (long) num(scale.get("outboxEvents")),
                scale.get("rounds"),
                scale.get("seconds"),
                (long) num(scale.get("small"))));
        md.append("| target | measured | met |\n|---|---|---|\n")
                .append(scaleTargets(run))
                .append('\n');
        md.append("| at full size | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
        large.forEach((name, row) -> md.append(f(
                "| %s | %.0f | %.1f | %.1f | %s |\n",
                name, num(row.get("perSecond")), num(row.get("p50Ms")), num(row.get("p99Ms")), row.get("errors"))));
        md.append("\n| at the small size | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
        small.forEach((name, row) -> md.append(f(
                "| %s | %.0f | %.1f | %.1f | %s |\n",
                name, num(row.get("perSecond")), num(row.get("p50Ms")), num(row.get("p99Ms")), row.get("errors"))));
        Map<String, Object> disk = (Map<String, Object>) scale.get("disk");
        md.append("\n| table (with indexes) | rows | disk |\n|---|---:|---:|\n");
        disk.forEach((table, value) -> {
            Map<String, Object> entry = (Map<String, Object>) value;
            md.append(f(
                    "| %s | %,d | %,.0f MiB |\n",
                    entry.containsKey("table") ? "largest audit month (" + entry.get("table") + ")" : table,
                    (long) num(entry.get("rows")),
                    num(entry.get("bytes")) / 1024 / 1024));
        });
        Map<String, Object> timings = (Map<String, Object>) scale.get("timings");
        md.append("\nSeeding (s): ")
                .append(timings.entrySet().stream()
                        .map(t -> f("%s %.0f", t.getKey(), num(t.getValue())))
                        .collect(Collectors.joining(", ")))
                .append(".\n\n");
        return md.toString();
    }

    /** The targets measured at scale, as rows of a targets table; a row saying so when there is no scale run. */
    @SuppressWarnings("unchecked")
    static String scaleTargets(Map<String, Object> run) {
        Map<String, Object> scale = run == null ? null : (Map<String, Object>) run.get("scale");
        if (scale == null) {
            return "| the read paths, search, purge and open-loop p99 at 10 M rows | not run (`bench/run --scale`) |"
                    + " not measured |\n";
        }
        StringBuilder md = new StringBuilder();
        Map<String, Map<String, Object>> small = (Map<String, Map<String, Object>>) scale.get("atSmall");
        Map<String, Map<String, Object>> large = (Map<String, Map<String, Object>>) scale.get("atLarge");
        String rows = f("%,d", (long) num(scale.get("large")));
        String deep = large.keySet().stream()
                .filter(name -> name.startsWith("list: page"))
                .findFirst()
                .orElseThrow();
        double first = num(large.get("list: first page").get("perSecond"));
        double deepRatio = first / num(large.get(deep).get("perSecond"));
        md.append(target(
                f("%s ÷ first page at %s rows (time per request) ≤ 1.3", deep, rows),
                f("%.2f", deepRatio),
                deepRatio <= 1.3));
        for (String search : List.of("search by e-mail part (one match)", "search by name part")) {
            double ratio = num(small.get(search).get("perSecond"))
                    / num(large.get(search).get("perSecond"));
            md.append(target(
                    f("`q` %s at %s ÷ at %,d ≤ 1.3", search, rows, (long) num(scale.get("small"))),
                    f("%.2f", ratio),
                    ratio <= 1.3));
        }
        md.append("| purge of 30,000 due at 10 M rows ÷ raw batch delete ≥ 0.5 | not measured at this size (section 4"
                + " is the purge at its own size) | not measured |\n");
        for (Map<String, Object> curve : (List<Map<String, Object>>) scale.get("openLoop")) {
            Map<String, Object> step = ((List<Map<String, Object>>) curve.get("steps")).get(0);
            md.append(target(
                    f("open-loop p99 at %s req/s at %s rows, %s ≤ 20 ms", step.get("rate"), rows, curve.get("name")),
                    f("%.1f ms (%s errors)", num(step.get("p99Ms")), step.get("errors")),
                    num(step.get("p99Ms")) <= 20));
        }
        return md.toString();
    }

    private static String target(String name, String measured, boolean met) {
        return f("| %s | %s | %s |\n", name, measured, met ? "yes" : "**no**");
    }

    private static double num(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
