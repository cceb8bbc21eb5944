package com.example.ats.bench;

import io.minio.UploadObjectArgs;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake throughput: the same CV bytes through {@code POST /api/v1/applications} and straight into MinIO with the SDK
 * (the same single signed PUT the service makes, with the same CRC32 checksum), at the same concurrency.
 */
final class IntakeScenario {

    static final long MIB = 1024 * 1024;
    private static final String BOUNDARY = "ats-bench-boundary";
    private static final String FORM = "{\"applicant\":{\"firstName\":\"Bench\",\"lastName\":\"Mark\","
            + "\"email\":\"bench@example.org\"},\"retentionConsent\":{\"granted\":false}}";

    /** One measured run. */
    record Run(double seconds, double[] latenciesMs, long bytes, int requests) {
        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }

        double perSecond() {
            return requests / seconds;
        }
    }

    private final BenchStack stack;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    IntakeScenario(BenchStack stack) {
        this.stack = stack;
    }

    /** A plain-text CV of exactly this size (text is accepted like PDF; Tika reads only its first bytes). */
    static Path cv(long size) throws Exception {
        Path file = Files.createTempFile("ats-bench-cv", ".txt");
        byte[] line = "Ervaring: backend, databases, privacy by design. 0123456789 abcdefghij\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < size) {
                int chunk = (int) Math.min(line.length, size - written);
                out.write(line, 0, chunk);
                written += chunk;
            }
        }
        file.toFile().deleteOnExit();
        return file;
    }

    Run service(URI base, Path cv, int concurrency, int requests) throws Exception {
        return measure(concurrency, requests, Files.size(cv), () -> {
            HttpResponse<Void> response = http.send(upload(base, cv), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("intake answered " + response.statusCode());
            }
        });
    }

    /** A stored document, to download. */
    record Stored(String application, String document) {}

    /** Sends one application with this CV; returns where its CV is. */
    Stored submit(URI base, Path cv) throws Exception {
        HttpResponse<String> response = http.send(upload(base, cv), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("intake answered " + response.statusCode());
        }
        var receipt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        return new Stored(
                receipt.get("id").asText(),
                receipt.get("documents").get(0).get("id").asText());
    }

    /** Downloads the documents in turn ({@code size} bytes each), as a recruiter. */
    Run downloads(URI base, List<Stored> documents, String token, long size, int concurrency, int requests)
            throws Exception {
        AtomicInteger turn = new AtomicInteger();
        return measure(concurrency, requests, size, () -> {
            Stored stored = documents.get(Math.floorMod(turn.getAndIncrement(), documents.size()));
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/applications/" + stored.application() + "/documents/"
                                    + stored.document() + "/content"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long read;
            try (InputStream body = response.body()) {
                read = body.transferTo(java.io.OutputStream.nullOutputStream());
            }
            if (response.statusCode() != 200 || read != size) {
                throw new IllegalStateException("download answered " + response.statusCode() + " with " + read);
            }
        });
    }

    Run direct(Path cv, int concurrency, int requests) throws Exception {
        long size = Files.size(cv);
        return measure(
                concurrency,
                requests,
                size,
                () -> stack.minio.uploadObject(UploadObjectArgs.builder()
                        .bucket(stack.bucket)
                        .object("direct/" + UUID.randomUUID())
                        // the checksum the service's put sends (MinioObjectStore.putFile): like with like
                        .checksum(io.minio.Checksum.Algorithm.CRC32)
                        .filename(cv.toString(), Math.max(5 * MIB, size))
                        .contentType("text/plain")
                        .build()));
    }

    interface Call {
        void run() throws Exception;
    }

    private static Run measure(int concurrency, int requests, long size, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < requests) {
                    long t = System.nanoTime();
                    call.run();
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Run(
                seconds, latencies.stream().mapToDouble(Double::doubleValue).toArray(), size * requests, requests);
    }

    static HttpRequest upload(URI base, Path cv) throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                HttpRequest.BodyPublishers.ofString("--" + BOUNDARY + "\r\nContent-Disposition: form-data;"
                        + " name=\"application\"\r\nContent-Type: application/json\r\n\r\n" + FORM + "\r\n--"
                        + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"cv\"; filename=\"cv.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n"),
                HttpRequest.BodyPublishers.ofFile(cv),
                HttpRequest.BodyPublishers.ofString("\r\n--" + BOUNDARY + "--\r\n"));
        return HttpRequest.newBuilder(base.resolve("/api/v1/applications"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(body)
                .build();
    }
}
