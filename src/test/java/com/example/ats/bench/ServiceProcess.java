package com.example.ats.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app, prod profile) in a process of its own, as it runs in production: with the
 * JVM options and ahead-of-time cache of bin/run and the image.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private static final Path AOT_CACHE = Path.of("target/quarkus-app/app.aot");

    /**
     * As bin/run and the image start it: the service's JVM options and, when wanted and a JDK 25 build made it, the
     * ahead-of-time cache (ADR 0018). Without it the JDK's own class-data archive stays on, as in any start.
     */
    static List<String> shippedOptions(boolean aotCache) {
        return aotCache && Files.exists(AOT_CACHE)
                ? List.of("@src/main/jvm/jvm.options", "-XX:AOTCache=" + AOT_CACHE)
                : List.of("@src/main/jvm/jvm.options");
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Process process;
    final URI base;
    final Duration startup;

    private ServiceProcess(Process process, URI base, Duration startup) {
        this.process = process;
        this.base = base;
        this.startup = startup;
    }

    /** Starts the service with the environment of bench/run plus the benchmark's settings; waits until ready. */
    static ServiceProcess start(Path log, List<String> jvmOptions) throws Exception {
        return start(log, jvmOptions, Map.of(), true);
    }

    /** ... with these settings on top (e.g. scanning off). */
    static ServiceProcess start(Path log, List<String> jvmOptions, Map<String, String> settings) throws Exception {
        return start(log, jvmOptions, settings, true);
    }

    /** ... with or without the ahead-of-time cache. */
    static ServiceProcess start(Path log, List<String> jvmOptions, Map<String, String> settings, boolean aotCache)
            throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(shippedOptions(aotCache));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment()
                .putAll(Map.of(
                        "ATS_HTTP_HOST", "127.0.0.1",
                        "ATS_HTTP_PORT", String.valueOf(port),
                        "ATS_INTAKE_TOKEN_SECRET", com.example.ats.shared.Replicas.TOKEN_SECRET,
                        "ATS_INTAKE_RATE_LIMIT", "100000000",
                        "ATS_INTAKE_HOUSEKEEPING_EVERY", "off",
                        "ATS_RETENTION_PURGE_EVERY", "off",
                        "ATS_LOG_JSON", "false",
                        // the events scenario's receiver listens on loopback over plain http
                        "ATS_WEBHOOKS_ALLOW_PLAIN_HTTP", "true",
                        "ATS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
                        // mail off: the intake figures are the service's, not the SMTP server's
                        "ATS_MAIL_HOST", "off"));
        builder.environment().put("ATS_KEY_ENCRYPTION_KEYS", com.example.ats.shared.Replicas.KEY_ENCRYPTION_KEYS);
        builder.environment().put("MALLOC_ARENA_MAX", "2"); // as bin/run and the image
        // every load generator's connection comes from loopback: one client to the service
        builder.environment().put("ATS_INTAKE_MAX_CONCURRENT_UPLOADS_PER_CLIENT", "1000");
        builder.environment().putAll(settings);
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpRequest ready =
                HttpRequest.newBuilder(base.resolve("/q/health/ready")).build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited while starting; see " + log);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(180)) {
                process.destroyForcibly();
                throw new IllegalStateException("the service was not ready within 180 s; see " + log);
            }
            Thread.sleep(20);
        }
        return new ServiceProcess(process, base, Duration.ofNanos(System.nanoTime() - started));
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size of the process, from /proc. */
    long rssBytes() {
        return rssBytes(process.pid());
    }

    static long rssBytes(long pid) {
        return status(pid, "VmRSS");
    }

    /**
     * Anonymous resident memory (heap, stacks, native allocations): what the process costs, as opposed to file-backed
     * pages (the AOT cache, the jars, the JDK's libraries), which the kernel can drop and share.
     */
    long rssAnonBytes() {
        return status(process.pid(), "RssAnon");
    }

    /** File-backed resident memory (see {@link #rssAnonBytes}). */
    long rssFileBytes() {
        return status(process.pid(), "RssFile");
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no " + field + " for " + pid);
    }

    /** Used heap now, from the service's own Prometheus metrics (all heap pools). */
    long heapUsedBytes() throws Exception {
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        double used = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) used;
    }

    /** A full collection in the service, so that an idle figure is not yesterday's garbage. */
    void collectGarbage() throws Exception {
        jcmd("GC.run");
    }

    String jcmd(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(process.pid()));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(120, TimeUnit.SECONDS);
        return output;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the graceful shutdown
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
