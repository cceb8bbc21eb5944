package com.example.ats.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as it runs in production, started as separate processes on the test database and the servers
 * of bin/stack, for the integration tests of several replicas (Failsafe).
 */
public final class Replicas implements AutoCloseable {

    /**
     * The server secret of the packaged services the tests start: random for each test run, the same for every
     * replica of it (they must derive the same tokens), and strong enough for the packaged service to accept it.
     */
    public static final String TOKEN_SECRET = randomSecret();
    /** The test profile's key-encryption keys: the replicas read what the tests wrote in the same database. */
    public static final String KEY_ENCRYPTION_KEYS =
            "test-2:dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMi0zMmJ5dGU=,test-1:dGVzdC1rZXktZW5jcnlwdGlvbi1rZXktMS0zMmJ5dGU=";

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String OIDC = env("ATS_OIDC_URL", "http://127.0.0.1:58180/realms/ats");

    private final List<Process> started = new ArrayList<>();

    public List<Process> started() {
        return started;
    }

    /** Starts the packaged service with the test servers and these settings on top; ready when this returns. */
    public URI start(String name, Map<String, String> settings) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target/replica-" + name + "-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("QUARKUS_"));
        environment.putAll(settings(port));
        environment.putAll(settings);
        Process process = builder.start();
        started.add(process);
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpRequest ready =
                HttpRequest.newBuilder(base.resolve("/q/health/ready")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited:\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return base;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replica " + name + " not ready in 120 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    /**
     * The settings of a replica listening on 127.0.0.1 at this port: the test database and the servers of bin/stack,
     * mail off, the background work quick or off. The image's tests give a container the same ones.
     */
    public static Map<String, String> settings(int port) {
        return Map.ofEntries(
                Map.entry("ATS_HTTP_HOST", "127.0.0.1"),
                Map.entry("ATS_HTTP_PORT", String.valueOf(port)),
                Map.entry("ATS_DB_URL", env("ATS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:55432/ats_test")),
                Map.entry("ATS_DB_USERNAME", env("ATS_DB_USERNAME", "ats")),
                Map.entry("ATS_DB_PASSWORD", env("ATS_DB_PASSWORD", "ats")),
                Map.entry("ATS_STORAGE_ENDPOINT", env("ATS_STORAGE_ENDPOINT", "http://127.0.0.1:59000")),
                Map.entry("ATS_STORAGE_ACCESS_KEY", env("ATS_STORAGE_ACCESS_KEY", "ats-minio")),
                Map.entry("ATS_STORAGE_SECRET_KEY", env("ATS_STORAGE_SECRET_KEY", "ats-minio-secret")),
                Map.entry("ATS_STORAGE_BUCKET", env("ATS_TEST_STORAGE_BUCKET", "ats-test")),
                Map.entry("ATS_OIDC_URL", OIDC),
                Map.entry("ATS_OIDC_CLIENT_SECRET", env("ATS_OIDC_CLIENT_SECRET", "ats-service-secret")),
                Map.entry("ATS_INTAKE_TOKEN_SECRET", TOKEN_SECRET),
                Map.entry("ATS_KEY_ENCRYPTION_KEYS", KEY_ENCRYPTION_KEYS),
                Map.entry("ATS_WEBHOOKS_ALLOW_PLAIN_HTTP", "true"),
                Map.entry("ATS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true"),
                Map.entry("ATS_WEBHOOKS_DELIVER_EVERY", "100ms"),
                Map.entry("ATS_WEBHOOKS_LEASE", "PT10S"),
                Map.entry("ATS_WEBHOOKS_OWNER_ROLES_TIMEOUT", "PT2S"),
                Map.entry("ATS_RETENTION_PURGE_EVERY", "off"),
                Map.entry("ATS_INTAKE_HOUSEKEEPING_EVERY", "off"),
                Map.entry("ATS_EVENTS_HOUSEKEEPING_EVERY", "off"),
                Map.entry("ATS_SHUTDOWN_DELAY", "0s"),
                Map.entry("ATS_LOG_JSON", "false"),
                Map.entry("ATS_MAIL_HOST", "off"),
                // every replica and container of the tests posts from loopback, and the limit is shared by all
                Map.entry("ATS_INTAKE_RATE_LIMIT", "100000"));
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
