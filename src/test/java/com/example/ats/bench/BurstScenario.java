package com.example.ats.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of applicants on one replica: many uploaders at once, each sending its next CV (2 KB to 1 MB) as soon as the
 * last is answered, for a while; then every CV accepted is read back and compared byte for byte (SHA-256).
 */
final class BurstScenario {

    private static final String BOUNDARY = "ats-burst-boundary";
    private static final String FORM = "{\"applicant\":{\"firstName\":\"Burst\",\"lastName\":\"Test\","
            + "\"email\":\"burst@example.org\"},\"retentionConsent\":{\"granted\":false}}";
    private static final int SMALLEST = 2 * 1024;
    private static final int LARGEST = 1024 * 1024;

    /** What a burst came to: latencies of the intakes answered 201, and how many accepted CVs read back (200). */
    record Result(
            int uploaders,
            double seconds,
            int accepted,
            Map<Integer, Integer> otherAnswers,
            double acceptedPerSecond,
            double p50Ms,
            double p99Ms,
            int readBack,
            int byteEqual) {}

    private record Accepted(String application, String document, String sha256) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    Result run(URI base, String token, int uploaders, Duration length) throws Exception {
        List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> others = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(uploaders);
        long started = System.nanoTime();
        long until = started + length.toNanos();
        List<Future<?>> workers = new ArrayList<>();
        for (int u = 0; u < uploaders; u++) {
            int uploader = u;
            workers.add(pool.submit(() -> {
                Random random = new Random(uploader);
                for (int n = 0; System.nanoTime() < until; n++) {
                    byte[] cv = cv(uploader, n, SMALLEST + random.nextInt(LARGEST - SMALLEST + 1));
                    long t = System.nanoTime();
                    HttpResponse<String> response =
                            http.send(upload(base, cv, uploader), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        latencies.add((System.nanoTime() - t) / 1e6); // of the answered ones
                    }
                    if (response.statusCode() == 503) {
                        // as a client should: back off as told, rather than ask again at once
                        long retryAfter = response.headers()
                                .firstValueAsLong("Retry-After")
                                .orElse(1);
                        Thread.sleep(Math.min(retryAfter * 1000, Math.max(0, (until - System.nanoTime()) / 1_000_000)));
                    }
                    if (response.statusCode() == 201) {
                        var receipt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
                        accepted.add(new Accepted(
                                receipt.get("id").asText(),
                                receipt.get("documents").get(0).get("id").asText(),
                                sha256(cv)));
                    } else {
                        others.merge(response.statusCode(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        double seconds;
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
            seconds = (System.nanoTime() - started) / 1e9;
        } finally {
            pool.shutdownNow();
        }

        AtomicInteger read = new AtomicInteger();
        AtomicInteger equal = new AtomicInteger();
        Map<Integer, Integer> unread = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> reads = new ArrayList<>();
        for (Accepted one : accepted) {
            reads.add(readers.submit(() -> {
                HttpResponse<InputStream> response = http.send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/applications/" + one.application() + "/documents/"
                                        + one.document() + "/content"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    byte[] bytes = body.readAllBytes();
                    if (response.statusCode() != 200) {
                        unread.merge(response.statusCode(), 1, Integer::sum);
                        return null;
                    }
                    read.incrementAndGet();
                    if (sha256(bytes).equals(one.sha256())) {
                        equal.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> each : reads) {
                each.get();
            }
        } finally {
            readers.shutdownNow();
        }
        if (!unread.isEmpty()) {
            System.out.println("burst: downloads not answered 200: " + new TreeMap<>(unread));
        }
        double[] all = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(
                uploaders,
                seconds,
                accepted.size(),
                new TreeMap<>(others),
                accepted.size() / seconds,
                Stats.percentile(all, 50),
                Stats.percentile(all, 99),
                read.get(),
                equal.get());
    }

    /** A text CV of this size that no other upload of the burst has (Tika takes it as text/plain). */
    private static byte[] cv(int uploader, int n, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        byte[] head = ("Curriculum vitae of uploader " + uploader + ", number " + n + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] line = "Ervaring: backend, databases, privacy by design. 0123456789 abcdefghij\n"
                .getBytes(StandardCharsets.US_ASCII);
        out.write(head, 0, Math.min(head.length, size));
        while (out.size() < size) {
            out.write(line, 0, Math.min(line.length, size - out.size()));
        }
        return out.toByteArray();
    }

    /** One applicant's post, from an address of its own (198.51.100.0/24, documentation addresses). */
    private static HttpRequest upload(URI base, byte[] cv, int uploader) {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data;"
                        + " name=\"application\"\r\nContent-Type: application/json\r\n\r\n" + FORM + "\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n"),
                HttpRequest.BodyPublishers.ofByteArray(cv),
                HttpRequest.BodyPublishers.ofString("\r\n--" + BOUNDARY + "--\r\n"));
        return HttpRequest.newBuilder(base.resolve("/api/v1/applications"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("X-Forwarded-For", "198.51.100." + (uploader % 254 + 1))
                .timeout(Duration.ofSeconds(60))
                .POST(body)
                .build();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
