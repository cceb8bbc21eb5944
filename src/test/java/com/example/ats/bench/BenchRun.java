package com.example.ats.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every benchmark scenario in one run against the packaged service and the real servers, each next to its baseline
 * measured in the same run: intake against the MinIO SDK, memory under upload against idle, the read path against
 * trivial endpoints, start-up against an empty JVM, and the purge against raw batch deletes (measured by
 * {@code bench/purge} just before). Writes {@code results.json} and {@code BENCHMARKS.md}. Run it with
 * {@code bench/run [--quick]} ({@code bench/run --help} for every option).
 */
public final class BenchRun {

    private static final long MIB = IntakeScenario.MIB;
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final boolean quick;
    private final Path out;
    private final Path log;
    private final BenchStack stack = new BenchStack();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Object> profiles = new LinkedHashMap<>();

    private final Set<String> only;
    /** The S3 server of a {@code --store} run (intake and purge only), or null for a run of every scenario. */
    private final String store;

    private BenchRun(boolean quick, Path out, Set<String> only, String store) {
        this.quick = quick;
        this.only = only;
        this.store = store;
        this.out = out;
        this.log = Path.of("target", "bench", "service.log");
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("BenchRun: " + e.getMessage() + "\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        Path out = Path.of(options.quick() ? "target/bench/quick" : "docs");
        // --report: BENCHMARKS.md again from results.json, e.g. after editing bench/ANALYSIS.md
        if (options.report()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> results = new ObjectMapper()
                    .readValue(out.resolve("bench/results.json").toFile(), Map.class);
            Files.writeString(
                    out.resolve("BENCHMARKS.md"), Report.markdown(results, Report.stores(out), Report.scale(out)));
            return;
        }
        // --only=intake,read runs some scenarios (into target/bench/partial), e.g. to profile one after a change.
        if (!options.only().isEmpty() && options.store() == null && !options.scale()) {
            out = Path.of("target/bench/partial");
        }
        new BenchRun(options.quick(), out, options.only(), options.store()).run(String.join(" ", args));
        System.exit(0); // the HTTP client's threads must not keep the JVM alive
    }

    /** The options of {@code bench/run}, which checks them first; anything else is refused. */
    record Options(boolean quick, Set<String> only, boolean skipPurge, boolean report, String store, boolean scale) {

        /** The S3 servers bin/stack can run; {@code --store} runs the scenarios that touch the store on one. */
        static final List<String> STORES = List.of("minio", "seaweedfs");

        /** The scenarios of a {@code --store} run: the two whose cost is the object store's. */
        static final Set<String> STORE_SCENARIOS = Set.of("intake", "purge");

        static final List<String> SCENARIOS = List.of(
                "startup", "memory", "intake", "burst", "scanning", "encryption", "read", "events", "scale", "purge");
        static final String USAGE =
                "usage: BenchRun [--quick] [--only=SCENARIO,...] [--skip-purge] [--store=minio|seaweedfs]"
                        + " | --scale | --report [--quick];"
                        + " scenarios: startup, memory, intake, burst, scanning, encryption, read, events, scale, purge"
                        + " (bench/run --help tells more)";

        static Options parse(String... args) {
            boolean quick = false;
            boolean skipPurge = false;
            boolean report = false;
            boolean scale = false;
            String store = null;
            Set<String> only = new HashSet<>();
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    quick = true;
                } else if (arg.equals("--skip-purge")) {
                    // the purge runs before BenchRun (bench/purge); here it only names the run
                    skipPurge = true;
                } else if (arg.equals("--report")) {
                    report = true;
                } else if (arg.equals("--scale")) {
                    scale = true;
                } else if (arg.startsWith("--store=")) {
                    store = arg.substring("--store=".length());
                    if (!STORES.contains(store)) {
                        throw new IllegalArgumentException("unknown store '" + store + "'; known: " + STORES);
                    }
                } else if (arg.startsWith("--only=")) {
                    for (String scenario : arg.substring("--only=".length()).split(",", -1)) {
                        if (!SCENARIOS.contains(scenario)) {
                            throw new IllegalArgumentException("unknown scenario '" + scenario + "' in " + arg);
                        }
                        only.add(scenario);
                    }
                } else {
                    throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (report && (skipPurge || !only.isEmpty())) {
                throw new IllegalArgumentException("--report takes no option but --quick");
            }
            if (report && store != null) {
                throw new IllegalArgumentException("--report takes no option but --quick");
            }
            if (store != null && !STORE_SCENARIOS.containsAll(only)) {
                throw new IllegalArgumentException("--store runs intake and purge only, not " + only);
            }
            if (scale && (quick || report || skipPurge || store != null || !only.isEmpty())) {
                throw new IllegalArgumentException("--scale takes no other option");
            }
            return new Options(quick, scale ? Set.of("scale") : Set.copyOf(only), skipPurge, report, store, scale);
        }
    }

    private void run(String args) throws Exception {
        Files.createDirectories(out.resolve("bench"));
        if (store != null) {
            runOnStore(args);
            return;
        }
        results.put("date", LocalDate.now().toString());
        results.put("mode", quick ? "quick" : "full");
        results.put("command", "bench/run" + (args.isBlank() ? "" : " " + args));
        results.put("cores", CORES);
        results.put("memoryGiB", Math.round(totalMemory() / 1024.0 / 1024 / 1024));
        results.put("java", System.getProperty("java.version"));

        if (wanted("startup")) {
            startup();
        }
        if (wanted("memory")) {
            memory();
        }
        try (ServiceProcess service = ServiceProcess.start(log, List.of())) {
            stack.reset();
            if (wanted("intake")) {
                intake(service);
            }
            if (wanted("burst")) {
                burst();
            }
            if (wanted("scanning")) {
                scanningCost(service);
            }
            if (wanted("encryption")) {
                encryptionCost(service);
            }
            if (wanted("read")) {
                readPath(service);
            }
            if (wanted("events")) {
                events(service);
            }
            if (wanted("scale")) {
                scale(service);
            }
        }
        purge();
        results.put("profiles", profiles);
        if (only.equals(Set.of("scale")) && !quick) { // --scale: its figures beside those of the last full run
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("bench/scale.json").toFile(), results);
            @SuppressWarnings("unchecked")
            Map<String, Object> full = new ObjectMapper()
                    .readValue(out.resolve("bench/results.json").toFile(), Map.class);
            Files.writeString(out.resolve("BENCHMARKS.md"), Report.markdown(full, Report.stores(out), results));
            System.out.println(Report.scaleSection(results));
            return;
        }
        if (!only.isEmpty()) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(System.out, results);
            return;
        }

        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("bench/results.json").toFile(), results);
        Files.writeString(
                out.resolve("BENCHMARKS.md"),
                Report.markdown(
                        results, Report.stores(out), results.containsKey("scale") ? results : Report.scale(out)));
        System.out.println(Files.readString(out.resolve("BENCHMARKS.md")));
    }

    /**
     * The intake and purge scenarios on one S3 server, each against its baseline on the same server in the same run,
     * into {@code bench/store-<server>.json}; BENCHMARKS.md then shows every server run so side by side.
     */
    private void runOnStore(String args) throws Exception {
        results.put("store", store);
        results.put("date", LocalDate.now().toString());
        results.put("mode", quick ? "quick" : "full");
        results.put("command", "bench/run " + args.replace("--store=", "--store "));
        if (wanted("intake")) {
            try (ServiceProcess service = ServiceProcess.start(log, List.of())) {
                stack.reset();
                intake(service);
            }
        }
        if (wanted("purge")) {
            purge();
            Object purgedOn = ((Map<?, ?>) results.getOrDefault("purge", Map.of())).get("store");
            if (!store.equals(purgedOn)) {
                throw new IllegalStateException("target/bench/purge.json is from " + purgedOn + ", not " + store
                        + ": run the purge through bench/run --store " + store);
            }
        }
        Path figures = out.resolve("bench/store-" + store + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(figures.toFile(), results);
        Path all = out.resolve("bench/results.json");
        if (Files.exists(all)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> everything = new ObjectMapper().readValue(all.toFile(), Map.class);
            Files.writeString(
                    out.resolve("BENCHMARKS.md"), Report.markdown(everything, Report.stores(out), Report.scale(out)));
        }
        System.out.println(Report.storesSideBySide(Report.stores(out)));
    }

    private boolean wanted(String scenario) {
        if (scenario.equals("scale")) { // ten million rows take most of an hour: by hand (--scale), or small (--quick)
            return only.contains(scenario) || (only.isEmpty() && quick);
        }
        return only.isEmpty() || only.contains(scenario);
    }

    // ---------------------------------------------------------------- start-up and footprint

    private void startup() throws Exception {
        int runs = quick ? 1 : 5;
        List<Double> serviceMs = new ArrayList<>();
        List<Double> serviceRss = new ArrayList<>();
        List<Double> noCacheMs = new ArrayList<>();
        List<Double> noCacheRss = new ArrayList<>();
        List<Double> idleMs = new ArrayList<>();
        List<Double> idleRss = new ArrayList<>();
        List<Double> serviceAnon = new ArrayList<>();
        List<Double> serviceFile = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            startAndIdle(true, serviceMs, serviceRss, serviceAnon, serviceFile);
            startAndIdle(false, noCacheMs, noCacheRss);
            long started = System.nanoTime();
            Process jvm = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            "target/test-classes",
                            IdleJvm.class.getName(),
                            "60000")
                    .start();
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
                reader.readLine();
                idleMs.add((System.nanoTime() - started) / 1e6);
                Thread.sleep(2000);
                idleRss.add(ServiceProcess.rssBytes(jvm.pid()) / (double) MIB);
            } finally {
                jvm.destroyForcibly().waitFor();
            }
        }
        double ready = Stats.median(serviceMs);
        double empty = Stats.median(idleMs);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("serviceReadyMs", ready);
        figures.put("serviceIdleRssMiB", Stats.median(serviceRss));
        figures.put("serviceIdleRssAnonMiB", Stats.median(serviceAnon));
        figures.put("serviceIdleRssFileMiB", Stats.median(serviceFile));
        figures.put("withoutAotCacheReadyMs", Stats.median(noCacheMs));
        figures.put("withoutAotCacheIdleRssMiB", Stats.median(noCacheRss));
        figures.put("emptyJvmMs", empty);
        figures.put("emptyJvmRssMiB", Stats.median(idleRss));
        figures.put("runs", runs);
        figures.put("serviceReadyMsRuns", serviceMs);
        figures.put("serviceIdleRssMiBRuns", serviceRss);
        figures.put("withoutAotCacheReadyMsRuns", noCacheMs);
        figures.put("jvmOptions", ServiceProcess.shippedOptions(true));
        results.put("startup", figures);
        System.out.printf(
                "start-up: ready in %.0f ms (without the AOT cache %.0f ms; empty JVM %.0f ms), idle RSS %.0f MiB"
                        + " (anonymous %.0f, file-backed %.0f; empty JVM %.0f MiB)%n",
                ready,
                Stats.median(noCacheMs),
                empty,
                Stats.median(serviceRss),
                Stats.median(serviceAnon),
                Stats.median(serviceFile),
                Stats.median(idleRss));
    }

    /** One start to ready, with or without the AOT cache, then the RSS idle after a full GC. */
    private void startAndIdle(boolean aotCache, List<Double> readyMs, List<Double> idleRssMiB) throws Exception {
        startAndIdle(aotCache, readyMs, idleRssMiB, new ArrayList<>(), new ArrayList<>());
    }

    /** As above, with the idle RSS split into anonymous and file-backed memory. */
    private void startAndIdle(
            boolean aotCache,
            List<Double> readyMs,
            List<Double> idleRssMiB,
            List<Double> idleAnonMiB,
            List<Double> idleFileMiB)
            throws Exception {
        try (ServiceProcess service = ServiceProcess.start(log, List.of(), Map.of(), aotCache)) {
            readyMs.add((double) service.startup.toMillis());
            Thread.sleep(2000);
            service.collectGarbage();
            Thread.sleep(1000); // the native heap is trimmed after a collection (-XX:TrimNativeHeapInterval)
            idleRssMiB.add(service.rssBytes() / (double) MIB);
            idleAnonMiB.add(service.rssAnonBytes() / (double) MIB);
            idleFileMiB.add(service.rssFileBytes() / (double) MIB);
        }
    }

    // ---------------------------------------------------------------- intake

    private void intake(ServiceProcess service) throws Exception {
        IntakeScenario scenario = new IntakeScenario(stack);
        int rounds = quick ? 1 : 3;
        List<Map<String, Object>> cells = new ArrayList<>();
        Path small = IntakeScenario.cv(MIB);
        scenario.service(service.base, small, 2, quick ? 4 : 200); // warm-up: the JIT compiles the hot paths
        scenario.direct(small, 2, quick ? 4 : 200);
        stack.reset();
        for (int mib : new int[] {1, 10}) {
            Path cv = IntakeScenario.cv(mib * MIB);
            for (int concurrency : new int[] {1, 4, 16}) {
                int requests = quick ? Math.max(concurrency, mib == 1 ? 8 : 4) : (mib == 1 ? 160 : 48);
                List<IntakeScenario.Run> viaService = new ArrayList<>();
                List<IntakeScenario.Run> direct = new ArrayList<>();
                if (mib == 10 && concurrency == 4 && store == null) { // the CPU sampler knows MinIO's process only
                    cells.add(cpu(scenario, service, cv, concurrency, requests));
                    profileIntake(scenario, service, cv, concurrency, requests);
                    stack.reset();
                }
                alternate(
                        rounds,
                        () -> viaService.add(scenario.service(service.base, cv, concurrency, requests)),
                        () -> direct.add(scenario.direct(cv, concurrency, requests)));
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("sizeMiB", mib);
                cell.put("concurrency", concurrency);
                cell.put("requests", requests);
                cell.put("rounds", rounds);
                cell.put("service", summary(viaService));
                cell.put("direct", summary(direct));
                double ratio = median(viaService, IntakeScenario.Run::megabytesPerSecond)
                        / median(direct, IntakeScenario.Run::megabytesPerSecond);
                cell.put("ratio", ratio);
                cells.add(cell);
                System.out.printf(
                        "intake %d MiB x%d: service %.1f MB/s, direct %.1f MB/s, ratio %.2f%n",
                        mib,
                        concurrency,
                        median(viaService, IntakeScenario.Run::megabytesPerSecond),
                        median(direct, IntakeScenario.Run::megabytesPerSecond),
                        ratio);
            }
        }
        results.put("intake", cells.stream().filter(c -> c.containsKey("ratio")).toList());
        cells.stream()
                .filter(c -> c.containsKey("cpu"))
                .findFirst()
                .ifPresent(c -> results.put("intakeCpu", c.get("cpu")));
    }

    /**
     * What the malware scan costs: the same intake against the service as it runs (every file streamed to clamd
     * before it is stored) and against a second one with scanning off, alternating, at concurrency 4.
     */
    private void scanningCost(ServiceProcess scanning) throws Exception {
        IntakeScenario scenario = new IntakeScenario(stack);
        int rounds = quick ? 1 : 5;
        List<Map<String, Object>> cells = new ArrayList<>();
        try (ServiceProcess unscanned = ServiceProcess.start(log, List.of(), Map.of("ATS_SCAN_ENABLED", "false"))) {
            warm(scenario, scanning, unscanned);
            for (int mib : new int[] {1, 10}) {
                Path cv = IntakeScenario.cv(mib * MIB);
                int concurrency = 4;
                int requests = quick ? 4 : (mib == 1 ? 160 : 48);
                List<IntakeScenario.Run> on = new ArrayList<>();
                List<IntakeScenario.Run> off = new ArrayList<>();
                alternate(
                        rounds,
                        () -> on.add(scenario.service(scanning.base, cv, concurrency, requests)),
                        () -> off.add(scenario.service(unscanned.base, cv, concurrency, requests)));
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("sizeMiB", mib);
                cell.put("concurrency", concurrency);
                cell.put("requests", requests);
                cell.put("rounds", rounds);
                cell.put("scanning", summary(on));
                cell.put("notScanning", summary(off));
                double ratio = ratio(on, off);
                cell.put("ratio", ratio);
                cells.add(cell);
                System.out.printf(
                        "intake %d MiB x%d: scanning %.1f MB/s, not scanning %.1f MB/s, ratio %.2f (rounds: %s / %s)%n",
                        mib,
                        concurrency,
                        median(on, IntakeScenario.Run::megabytesPerSecond),
                        median(off, IntakeScenario.Run::megabytesPerSecond),
                        ratio,
                        on.stream().map(r -> Math.round(r.megabytesPerSecond())).toList(),
                        off.stream()
                                .map(r -> Math.round(r.megabytesPerSecond()))
                                .toList());
            }
        }
        results.put("intakeScanning", cells);
    }

    /**
     * What encrypting the files costs (ADR 0030): intake and download against the service as it runs (every file
     * encrypted with its application's key) and against a second one with encryption off, alternating, at concurrency
     * 4; the downloads read files each service stored itself.
     */
    private void encryptionCost(ServiceProcess encrypting) throws Exception {
        IntakeScenario scenario = new IntakeScenario(stack);
        int rounds = quick ? 1 : 5;
        List<Map<String, Object>> cells = new ArrayList<>();
        try (ServiceProcess plain = ServiceProcess.start(log, List.of(), Map.of("ATS_ENCRYPTION_ENABLED", "false"))) {
            warm(scenario, encrypting, plain);
            String token = BenchStack.token("recruiter");
            for (int mib : new int[] {1, 10}) {
                Path cv = IntakeScenario.cv(mib * MIB);
                int concurrency = 4;
                int requests = quick ? 4 : (mib == 1 ? 160 : 48);
                List<IntakeScenario.Run> on = new ArrayList<>();
                List<IntakeScenario.Run> off = new ArrayList<>();
                alternate(
                        rounds,
                        () -> on.add(scenario.service(encrypting.base, cv, concurrency, requests)),
                        () -> off.add(scenario.service(plain.base, cv, concurrency, requests)));
                List<IntakeScenario.Stored> encrypted = new ArrayList<>();
                List<IntakeScenario.Stored> clear = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    encrypted.add(scenario.submit(encrypting.base, cv));
                    clear.add(scenario.submit(plain.base, cv));
                }
                int downloads = quick ? 8 : (mib == 1 ? 400 : 80);
                List<IntakeScenario.Run> readOn = new ArrayList<>();
                List<IntakeScenario.Run> readOff = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    IntakeScenario.Call one = () -> readOn.add(
                            scenario.downloads(encrypting.base, encrypted, token, mib * MIB, concurrency, downloads));
                    IntakeScenario.Call other = () -> readOff.add(
                            scenario.downloads(plain.base, clear, token, mib * MIB, concurrency, downloads));
                    (round % 2 == 0 ? one : other).run();
                    (round % 2 == 0 ? other : one).run();
                }
                stack.reset();
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("sizeMiB", mib);
                cell.put("concurrency", concurrency);
                cell.put("requests", requests);
                cell.put("downloads", downloads);
                cell.put("rounds", rounds);
                cell.put("intakeEncrypting", summary(on));
                cell.put("intakeNotEncrypting", summary(off));
                cell.put("intakeRatio", ratio(on, off));
                cell.put("downloadEncrypted", summary(readOn));
                cell.put("downloadNotEncrypted", summary(readOff));
                cell.put("downloadRatio", ratio(readOn, readOff));
                cells.add(cell);
                System.out.printf(
                        "encryption %d MiB x%d: intake %.1f / %.1f MB/s (ratio %.2f), download %.1f / %.1f MB/s"
                                + " (ratio %.2f)%n",
                        mib,
                        concurrency,
                        median(on, IntakeScenario.Run::megabytesPerSecond),
                        median(off, IntakeScenario.Run::megabytesPerSecond),
                        ratio(on, off),
                        median(readOn, IntakeScenario.Run::megabytesPerSecond),
                        median(readOff, IntakeScenario.Run::megabytesPerSecond),
                        ratio(readOn, readOff));
            }
        }
        results.put("encryption", cells);
    }

    /**
     * Fifty applicants uploading at once to one replica (CVs of 2 KB to 1 MB, each sending its next as soon as the
     * last is answered): against the service as it runs (an intake beyond the receiving slots waits for one), and
     * against a second one that refuses it at once (ATS_INTAKE_UPLOAD_SLOT_WAIT=PT0S, the behaviour before); every
     * accepted CV is read back and compared.
     */
    private void burst() throws Exception {
        BurstScenario scenario = new BurstScenario();
        // each uploader an applicant of its own address (X-Forwarded-For, as behind the ingress): the service lets
        // one intake per address wait for a slot
        Map<String, String> forwarded = Map.of(
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
        int uploaders = 50;
        java.time.Duration length = java.time.Duration.ofSeconds(quick ? 3 : 60);
        String token = BenchStack.token("recruiter");
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("uploaders", uploaders);
        cell.put("seconds", length.toSeconds());
        Map<String, String> refusingAtOnce = new java.util.HashMap<>(forwarded);
        refusingAtOnce.put("ATS_INTAKE_UPLOAD_SLOT_WAIT", "PT0S");
        try (ServiceProcess waiting = ServiceProcess.start(log, List.of(), forwarded);
                ServiceProcess refusing = ServiceProcess.start(log, List.of(), refusingAtOnce)) {
            warm(new IntakeScenario(stack), waiting, refusing);
            for (Map.Entry<String, ServiceProcess> service :
                    List.of(Map.entry("waiting", waiting), Map.entry("refusingAtOnce", refusing))) {
                BurstScenario.Result result = scenario.run(service.getValue().base, token, uploaders, length);
                stack.reset();
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("accepted", result.accepted());
                figures.put("otherAnswers", result.otherAnswers());
                figures.put("acceptedPerSecond", result.acceptedPerSecond());
                figures.put("p50Ms", result.p50Ms());
                figures.put("p99Ms", result.p99Ms());
                figures.put("readBack", result.readBack());
                figures.put("readBackOf", result.accepted());
                figures.put("byteEqual", result.byteEqual());
                cell.put(service.getKey(), figures);
                System.out.printf(
                        "burst %d uploaders, %s: %d answered 201 (%.1f/s), others %s, p50 %.0f ms, p99 %.0f ms (of"
                                + " the 201s), %d of %d read back byte-equal%n",
                        uploaders,
                        service.getKey(),
                        result.accepted(),
                        result.acceptedPerSecond(),
                        result.otherAnswers(),
                        result.p50Ms(),
                        result.p99Ms(),
                        result.byteEqual(),
                        result.accepted());
            }
        }
        results.put("burst", cell);
    }

    /** Both services as warm, whatever ran before; then an empty store. */
    private void warm(IntakeScenario scenario, ServiceProcess... services) throws Exception {
        for (ServiceProcess warming : services) {
            scenario.service(warming.base, IntakeScenario.cv(MIB), 4, quick ? 4 : 400);
            scenario.service(warming.base, IntakeScenario.cv(10 * MIB), 4, quick ? 4 : 48);
        }
        stack.reset();
    }

    private static double ratio(List<IntakeScenario.Run> on, List<IntakeScenario.Run> off) {
        return median(on, IntakeScenario.Run::megabytesPerSecond) / median(off, IntakeScenario.Run::megabytesPerSecond);
    }

    /** Rounds of two measurements, alternating which goes first, with the store emptied after each round. */
    private void alternate(int rounds, IntakeScenario.Call one, IntakeScenario.Call other) throws Exception {
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                one.run();
                other.run();
            } else {
                other.run();
                one.run();
            }
            stack.reset();
        }
    }

    /** Where the cores go: CPU seconds per MB of the service, MinIO and the client, on each path. */
    private Map<String, Object> cpu(
            IntakeScenario scenario, ServiceProcess service, Path cv, int concurrency, int requests) throws Exception {
        long minio = Cpu.minio().orElseThrow(() -> new IllegalStateException("no MinIO process found"));
        Map<String, Object> cpu = new LinkedHashMap<>();
        for (String path : List.of("service", "direct")) {
            double serviceBefore = Cpu.seconds(service.pid());
            double minioBefore = Cpu.seconds(minio);
            double clientBefore = Cpu.self();
            IntakeScenario.Run run = path.equals("service")
                    ? scenario.service(service.base, cv, concurrency, requests)
                    : scenario.direct(cv, concurrency, requests);
            double megabytes = run.bytes() / 1e6;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("megabytesPerSecond", run.megabytesPerSecond());
            row.put("serviceCpuMsPerMB", 1000 * (Cpu.seconds(service.pid()) - serviceBefore) / megabytes);
            row.put("minioCpuMsPerMB", 1000 * (Cpu.seconds(minio) - minioBefore) / megabytes);
            row.put("clientCpuMsPerMB", 1000 * (Cpu.self() - clientBefore) / megabytes);
            row.put("wallSeconds", run.seconds());
            cpu.put(path, row);
            stack.reset();
        }
        return Map.of("cpu", cpu);
    }

    private void profileIntake(IntakeScenario scenario, ServiceProcess service, Path cv, int concurrency, int requests)
            throws Exception {
        profiles.put(
                "intake 10 MiB at concurrency 4",
                sample(
                        service,
                        "profile-intake",
                        "POST /api/v1/applications," + " 10 MiB CV, concurrency 4",
                        () -> scenario.service(service.base, cv, concurrency, requests)));
    }

    private static Map<String, Object> summary(List<IntakeScenario.Run> runs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("megabytesPerSecond", median(runs, IntakeScenario.Run::megabytesPerSecond));
        summary.put("perSecond", median(runs, IntakeScenario.Run::perSecond));
        summary.put("p50Ms", median(runs, run -> Stats.percentile(run.latenciesMs(), 50)));
        summary.put("p99Ms", median(runs, run -> Stats.percentile(run.latenciesMs(), 99)));
        summary.put(
                "megabytesPerSecondRuns",
                runs.stream().map(IntakeScenario.Run::megabytesPerSecond).toList());
        return summary;
    }

    private static double median(
            List<IntakeScenario.Run> runs, java.util.function.ToDoubleFunction<IntakeScenario.Run> f) {
        return Stats.median(runs.stream().mapToDouble(f).toArray());
    }

    // ---------------------------------------------------------------- outbox and webhooks

    /**
     * Intake and status changes without subscribers against the same with three subscriptions to every event type,
     * alternating, medians of the rounds; then the delivery rate to one subscription.
     */
    private void events(ServiceProcess service) throws Exception {
        EventsScenario scenario = new EventsScenario(service.base);
        Path cv = IntakeScenario.cv(100 * 1024);
        int intakes = quick ? 20 : 300;
        int changes = quick ? 20 : 300;
        int rounds = quick ? 1 : 3;
        List<Double> intakeWithout = new ArrayList<>();
        List<Double> intakeWith = new ArrayList<>();
        List<Double> changesWithout = new ArrayList<>();
        List<Double> changesWith = new ArrayList<>();
        try (com.example.ats.webhook.Receiver receiver = new com.example.ats.webhook.Receiver()) {
            scenario.intakePerSecond(cv, intakes); // warm-up, both paths
            scenario.statusChangesPerSecond(scenario.applications(cv, changes), BenchStack.token("recruiter"));
            for (int round = 0; round < rounds; round++) {
                String admin = BenchStack.token("hr-admin");
                String recruiter = BenchStack.token("recruiter");
                List<String> toMove = scenario.applications(cv, 2 * changes);
                intakeWithout.add(scenario.intakePerSecond(cv, intakes));
                changesWithout.add(scenario.statusChangesPerSecond(toMove.subList(0, changes), recruiter));
                for (int s = 0; s < 3; s++) {
                    scenario.subscribe(receiver, EventsScenario.ALL_TYPES, admin);
                }
                int expected = receiver.received().size() + 3 * (intakes + changes);
                intakeWith.add(scenario.intakePerSecond(cv, intakes));
                changesWith.add(scenario.statusChangesPerSecond(toMove.subList(changes, 2 * changes), recruiter));
                EventsScenario.drain(receiver, expected);
                scenario.unsubscribeAll(admin);
            }
            String admin = BenchStack.token("hr-admin");
            scenario.subscribe(receiver, List.of("vacancy.opened"), admin);
            double deliveries = scenario.deliveriesPerSecond(receiver, quick ? 100 : 2_000, admin);
            scenario.unsubscribeAll(admin);

            Map<String, Object> events = new LinkedHashMap<>();
            events.put("intakePerSecondWithout", Stats.median(toArray(intakeWithout)));
            events.put("intakePerSecondWith3", Stats.median(toArray(intakeWith)));
            events.put("intakeRatio", Stats.median(toArray(intakeWith)) / Stats.median(toArray(intakeWithout)));
            events.put("statusChangesPerSecondWithout", Stats.median(toArray(changesWithout)));
            events.put("statusChangesPerSecondWith3", Stats.median(toArray(changesWith)));
            events.put("statusChangeRatio", Stats.median(toArray(changesWith)) / Stats.median(toArray(changesWithout)));
            events.put("deliveriesPerSecond", deliveries);
            events.put("rounds", rounds);
            results.put("events", events);
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    // ---------------------------------------------------------------- memory under upload

    /**
     * A service of its own with a heap smaller than the bytes in flight (-Xmx128m against 16 x 10 MiB): if every upload
     * succeeds, no request held its file in the heap. Heap from its metrics, RSS from /proc, every 50 ms.
     */
    private void memory() throws Exception {
        int concurrency = 16;
        int uploads = quick ? 16 : 64;
        Path cv = IntakeScenario.cv(10 * MIB);
        stack.reset();
        try (ServiceProcess service = ServiceProcess.start(log, List.of("-Xmx128m"))) {
            IntakeScenario scenario = new IntakeScenario(stack);
            scenario.service(service.base, cv, 4, 8); // warm-up
            stack.reset();
            service.collectGarbage();
            Thread.sleep(500);
            long idleHeap = service.heapUsedBytes();
            long idleRss = service.rssBytes();
            AtomicLong peakHeap = new AtomicLong(idleHeap);
            AtomicLong peakRss = new AtomicLong(idleRss);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    try {
                        peakHeap.accumulateAndGet(service.heapUsedBytes(), Math::max);
                        peakRss.accumulateAndGet(service.rssBytes(), Math::max);
                        Thread.sleep(50);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            IntakeScenario.Run run;
            try {
                run = scenario.service(service.base, cv, concurrency, uploads); // throws unless every answer is 201
            } finally {
                running.set(false);
                sampler.join();
            }
            long inFlight = concurrency * 10 * MIB;
            Map<String, Object> memory = new LinkedHashMap<>();
            memory.put("maxHeapMiB", 128);
            memory.put("concurrency", concurrency);
            memory.put("uploads", uploads);
            memory.put("succeeded", run.requests());
            memory.put("inFlightMiB", inFlight / MIB);
            memory.put("idleHeapMiB", idleHeap / (double) MIB);
            memory.put("peakHeapMiB", peakHeap.get() / (double) MIB);
            memory.put("idleRssMiB", idleRss / (double) MIB);
            memory.put("peakRssMiB", peakRss.get() / (double) MIB);
            memory.put("heapGrowthPerInFlightByte", (peakHeap.get() - idleHeap) / (double) inFlight);
            memory.put("megabytesPerSecond", run.megabytesPerSecond());
            results.put("memory", memory);
            System.out.printf(
                    "memory (-Xmx128m): %d of %d uploads; heap idle %.0f MiB, peak %.0f MiB; RSS idle %.0f MiB,"
                            + " peak %.0f MiB; %d MiB in flight%n",
                    run.requests(),
                    uploads,
                    idleHeap / (double) MIB,
                    peakHeap.get() / (double) MIB,
                    idleRss / (double) MIB,
                    peakRss.get() / (double) MIB,
                    inFlight / MIB);
        }
        stack.reset();
    }

    // ---------------------------------------------------------------- scale

    /**
     * The read paths at ten million applications (issue 37; {@code bench/run --scale}, small in {@code --quick}): the
     * search at 100,000 and again at the full size, the deep page against the first, detail and the feed; then the
     * open-loop p99 at 100 requests a second and the disk each table takes.
     */
    private void scale(ServiceProcess service) throws Exception {
        ScaleScenario scenario = new ScaleScenario(stack);
        long small = quick ? 2_000 : 100_000;
        long large = quick ? 20_000 : Long.parseLong(System.getenv().getOrDefault("ATS_BENCH_SCALE", "10000000"));
        long events = quick ? 2_000 : 1_000_000;
        int seconds = quick ? 2 : 10;
        int rounds = quick ? 1 : 3;
        stack.reset();
        List<String> real = ReadPathScenario.realApplication(service.base, IntakeScenario.cv(100 * 1024));
        Map<String, Object> timings = new LinkedHashMap<>();
        long started = System.nanoTime();
        scenario.seed(1, small);
        scenario.analyze();
        timings.put("seedSmallSeconds", (System.nanoTime() - started) / 1e9);
        String page = "/api/v1/applications?limit=" + ReadPathScenario.PAGE;
        String byEmail = page + "&q=" + scenario.emailPart();
        String byName = page + "&q=" + scenario.namePart();
        List<ReadPathScenario.Target> atSmall = List.of(
                new ReadPathScenario.Target("search by e-mail part (one match)", byEmail, true),
                new ReadPathScenario.Target("search by name part", byName, true),
                new ReadPathScenario.Target("list: first page", page, true));
        Map<String, Object> smallLoads = measure(service, atSmall, seconds, rounds);

        started = System.nanoTime();
        scenario.seed(small, large + 1);
        timings.put("seedApplicationsSeconds", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        scenario.seedAudit(large);
        timings.put("seedAuditSeconds", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        scenario.seedEvents(events);
        timings.put("seedEventsSeconds", (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();
        scenario.analyze();
        timings.put("vacuumAnalyzeSeconds", (System.nanoTime() - started) / 1e9);

        long deepPage = Math.min(100_000, large / ReadPathScenario.PAGE);
        String cursor = new ReadPathScenario(stack).cursorAfter((deepPage - 1) * ReadPathScenario.PAGE);
        List<ReadPathScenario.Target> atLarge = List.of(
                new ReadPathScenario.Target("baseline: empty vacancy page", "/api/v1/vacancies?limit=1", true),
                new ReadPathScenario.Target("list: first page", page, true),
                new ReadPathScenario.Target("list: page " + deepPage + " by cursor", page + "&cursor=" + cursor, true),
                new ReadPathScenario.Target("search by e-mail part (one match)", byEmail, true),
                new ReadPathScenario.Target("search by name part", byName, true),
                new ReadPathScenario.Target("detail", real.get(0), true),
                new ReadPathScenario.Target("feed: first page of 100", "/api/v1/events?limit=100", true));
        Map<String, Object> largeLoads = measure(service, atLarge, seconds, rounds);

        List<Map<String, Object>> openLoop = new ArrayList<>();
        for (ReadPathScenario.Target target : List.of(atLarge.get(0), atLarge.get(1), atLarge.get(5))) {
            openLoop.add(openLoop(service, target, List.of(100)));
        }
        Map<String, Object> scale = new LinkedHashMap<>();
        scale.put("small", small);
        scale.put("large", large);
        scale.put("auditEvents", large * ScaleScenario.AUDIT_PER_APPLICATION);
        scale.put("outboxEvents", events);
        scale.put("connections", 32);
        scale.put("seconds", seconds);
        scale.put("rounds", rounds);
        scale.put("timings", timings);
        scale.put("atSmall", smallLoads);
        scale.put("atLarge", largeLoads);
        scale.put("openLoop", openLoop);
        scale.put("disk", scenario.disk());
        results.put("scale", scale);
        stack.reset();
    }

    /** Each target under wrk after a warm-up, in rounds; the medians by target name. */
    private Map<String, Object> measure(
            ServiceProcess service, List<ReadPathScenario.Target> targets, int seconds, int rounds) throws Exception {
        for (ReadPathScenario.Target target : targets) {
            ReadPathScenario.wrk(service.base, target, tokenFor(target), 32, quick ? 1 : 5);
        }
        Map<String, List<ReadPathScenario.Load>> loads = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (ReadPathScenario.Target target : targets) {
                loads.computeIfAbsent(target.name(), name -> new ArrayList<>())
                        .add(ReadPathScenario.wrk(service.base, target, tokenFor(target), 32, seconds));
            }
        }
        Map<String, Object> medians = new LinkedHashMap<>();
        loads.forEach((name, measured) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("perSecond", Stats.median(measured, ReadPathScenario.Load::perSecond));
            row.put("p50Ms", Stats.median(measured, ReadPathScenario.Load::p50Ms));
            row.put("p99Ms", Stats.median(measured, ReadPathScenario.Load::p99Ms));
            row.put(
                    "errors",
                    measured.stream().mapToLong(ReadPathScenario.Load::errors).sum());
            medians.put(name, row);
            System.out.printf(
                    "scale %s: %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
                    name, row.get("perSecond"), row.get("p50Ms"), row.get("p99Ms"));
        });
        return medians;
    }

    /** The feed is read by an HR admin, everything else by a recruiter; a fresh token each time (they live 15 min). */
    private static String tokenFor(ReadPathScenario.Target target) throws Exception {
        return BenchStack.token(target.path().startsWith("/api/v1/events") ? "hr-admin" : "recruiter");
    }

    // ---------------------------------------------------------------- read path

    private void readPath(ServiceProcess service) throws Exception {
        ReadPathScenario scenario = new ReadPathScenario(stack);
        int applications = quick ? 20_000 : 1_000_000;
        long started = System.nanoTime();
        long seeded = scenario.seed(applications);
        double seedSeconds = (System.nanoTime() - started) / 1e9;
        int deepPage = (int) Math.min(10_000, seeded / ReadPathScenario.PAGE);
        String cursor = scenario.cursorAfter((long) (deepPage - 1) * ReadPathScenario.PAGE);
        List<String> real = ReadPathScenario.realApplication(service.base, IntakeScenario.cv(100 * 1024));
        String page = "/api/v1/applications?limit=" + ReadPathScenario.PAGE;
        List<ReadPathScenario.Target> targets = List.of(
                new ReadPathScenario.Target("baseline: liveness (no login)", "/q/health/live", false),
                new ReadPathScenario.Target("baseline: empty vacancy page", "/api/v1/vacancies?limit=1", true),
                new ReadPathScenario.Target("list: first page", page, true),
                new ReadPathScenario.Target("list: page " + deepPage + " by cursor", page + "&cursor=" + cursor, true),
                new ReadPathScenario.Target("detail", real.get(0), true),
                new ReadPathScenario.Target("download (100 KiB)", real.get(1), true));
        int connections = 32;
        int seconds = quick ? 2 : 15;
        int rounds = quick ? 1 : 3;
        String token = BenchStack.token("recruiter");
        for (ReadPathScenario.Target target : targets) { // warm-up: JIT, caches, connection pools
            ReadPathScenario.wrk(service.base, target, token, connections, quick ? 1 : 10);
        }
        Map<String, List<ReadPathScenario.Load>> loads = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            token = BenchStack.token("recruiter"); // tokens live 15 minutes
            for (ReadPathScenario.Target target : targets) {
                loads.computeIfAbsent(target.name(), name -> new ArrayList<>())
                        .add(ReadPathScenario.wrk(service.base, target, token, connections, seconds));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReadPathScenario.Target target : targets) {
            List<ReadPathScenario.Load> measured = loads.get(target.name());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", target.name());
            row.put("perSecond", Stats.median(measured, ReadPathScenario.Load::perSecond));
            row.put("p50Ms", Stats.median(measured, ReadPathScenario.Load::p50Ms));
            row.put("p99Ms", Stats.median(measured, ReadPathScenario.Load::p99Ms));
            row.put(
                    "errors",
                    measured.stream().mapToLong(ReadPathScenario.Load::errors).sum());
            row.put(
                    "p99MsRuns",
                    measured.stream().map(ReadPathScenario.Load::p99Ms).toList());
            rows.add(row);
            System.out.printf(
                    "read %s: %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
                    target.name(), row.get("perSecond"), row.get("p50Ms"), row.get("p99Ms"));
        }
        List<Map<String, Object>> openLoop = new ArrayList<>();
        for (ReadPathScenario.Target target : List.of(targets.get(1), targets.get(2), targets.get(4))) {
            openLoop.add(openLoop(
                    service, target, quick ? List.of(100, 200) : List.of(100, 200, 400, 800, 1200, 1600, 2400, 3200)));
        }
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("openLoop", openLoop);
        read.put("applications", seeded);
        read.put("seedSeconds", seedSeconds);
        read.put("connections", connections);
        read.put("seconds", seconds);
        read.put("rounds", rounds);
        read.put("targets", rows);
        String profileToken = token;
        profiles.put(
                "list first page",
                sample(
                        service,
                        "profile-list",
                        "GET /api/v1/applications (first page), wrk" + " -c" + connections,
                        () -> ReadPathScenario.wrk(service.base, targets.get(2), profileToken, connections, seconds)));
        profiles.put(
                "detail",
                sample(
                        service,
                        "profile-detail",
                        "GET /api/v1/applications/{id}, wrk" + " -c" + connections,
                        () -> ReadPathScenario.wrk(service.base, targets.get(4), profileToken, connections, seconds)));
        results.put("read", read);
    }

    /**
     * One endpoint at fixed arrival rates, rising until the knee (the first step the service cannot keep up with):
     * the first rate in rounds (medians), the others once each.
     */
    private Map<String, Object> openLoop(ServiceProcess service, ReadPathScenario.Target target, List<Integer> rates)
            throws Exception {
        OpenLoop load = new OpenLoop(System.getenv().getOrDefault("ATS_BENCH_VEGETA", "vegeta"));
        int seconds = quick ? 2 : 10;
        int rounds = quick ? 1 : 3;
        String token = target.authenticated() ? BenchStack.token("recruiter") : null;
        URI url = service.base.resolve(target.path());
        load.run(url, token, rates.get(0), quick ? 1 : 5); // warm-up
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int rate : rates) {
            List<OpenLoop.Step> measured = new ArrayList<>();
            for (int round = 0; round < (rate == rates.get(0) ? rounds : 1); round++) {
                measured.add(load.run(url, token, rate, seconds));
            }
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("rate", rate);
            step.put("achieved", Stats.median(measured, OpenLoop.Step::achieved));
            step.put("p50Ms", Stats.median(measured, OpenLoop.Step::p50Ms));
            step.put("p99Ms", Stats.median(measured, OpenLoop.Step::p99Ms));
            step.put("p999Ms", Stats.median(measured, OpenLoop.Step::p999Ms));
            step.put(
                    "requests",
                    measured.stream().mapToLong(OpenLoop.Step::requests).sum());
            step.put(
                    "errors", measured.stream().mapToLong(OpenLoop.Step::errors).sum());
            step.put("rounds", measured.size());
            step.put("p99MsRuns", measured.stream().map(OpenLoop.Step::p99Ms).toList());
            steps.add(step);
            System.out.printf(
                    "open loop %s at %d/s: achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, %s errors%n",
                    target.name(),
                    rate,
                    step.get("achieved"),
                    step.get("p50Ms"),
                    step.get("p99Ms"),
                    step.get("p999Ms"),
                    step.get("errors"));
            if (measured.stream().anyMatch(OpenLoop.Step::saturated)) {
                break; // the knee: higher rates only queue
            }
        }
        Map<String, Object> curve = new LinkedHashMap<>();
        curve.put("name", target.name().replace("baseline: ", ""));
        curve.put("seconds", seconds);
        curve.put("steps", steps);
        return curve;
    }

    interface Load {
        Object run() throws Exception;
    }

    /** Samples the service's stacks while a load runs; returns the report's file name. */
    private String sample(ServiceProcess service, String name, String title, Load load) throws Exception {
        try (StackSampler sampler = new StackSampler(service.pid())) {
            AtomicBoolean running = new AtomicBoolean(true);
            Thread thread = Thread.ofPlatform().start(() -> {
                try {
                    sampler.sampleWhile(running);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                load.run();
            } finally {
                running.set(false);
                thread.join();
            }
            List<Path> files = sampler.write(out.resolve("bench"), name, title);
            return out.relativize(files.get(1)).toString();
        }
    }

    // ---------------------------------------------------------------- purge

    @SuppressWarnings("unchecked")
    private void purge() throws Exception {
        Path figures = Path.of("target", "bench", "purge.json");
        if (Files.exists(figures)) {
            results.put("purge", new ObjectMapper().readValue(figures.toFile(), Map.class));
        }
    }

    private static long totalMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
