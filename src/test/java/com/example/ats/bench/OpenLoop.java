package com.example.ats.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An open-loop load: requests sent at a fixed arrival rate whatever the answers do (vegeta, built from the Go module
 * proxy by bench/run), so a slow answer cannot hold back the next request as in wrk's closed loop, and latency is
 * what a user arriving at that rate feels. Percentiles (nearest rank) over every request's latency.
 */
final class OpenLoop {

    /** One rate step: offered and achieved rate, latency percentiles, failed requests. */
    record Step(double rate, double achieved, double p50Ms, double p99Ms, double p999Ms, long requests, long errors) {

        /** Past the knee: the service no longer keeps up with the offered rate or answers too slowly. */
        boolean saturated() {
            return achieved < 0.95 * rate || errors > requests / 100 || p99Ms > 1000;
        }
    }

    private final String vegeta;

    OpenLoop(String vegeta) {
        this.vegeta = vegeta;
    }

    /** Offers {@code rate} requests per second for {@code seconds} to one URL. */
    Step run(URI url, String token, int rate, int seconds) throws Exception {
        Path target = Files.createTempFile("vegeta-target", ".txt");
        Path errors = Files.createTempFile("vegeta-errors", ".txt");
        try {
            String request = "GET " + url + "\n" + (token == null ? "" : "Authorization: Bearer " + token + "\n");
            Files.writeString(target, request);
            String shell = String.format(
                    "'%1$s' attack -targets='%2$s' -rate=%3$d/s -duration=%4$ds -timeout=10s -max-workers=512"
                            + " -max-body=0 | '%1$s' encode --to csv",
                    vegeta, target, rate, seconds);
            Process process = new ProcessBuilder("bash", "-o", "pipefail", "-c", shell)
                    .redirectError(errors.toFile())
                    .start();
            String csv = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("vegeta failed: " + Files.readString(errors));
            }
            return step(rate, csv);
        } finally {
            Files.deleteIfExists(target);
            Files.deleteIfExists(errors);
        }
    }

    /** vegeta's CSV: timestamp (ns since the epoch), status code, latency (ns), bytes out, bytes in, error, ... */
    static Step step(double rate, String csv) {
        List<Long> latencies = new ArrayList<>();
        long failed = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String line : csv.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", 7);
            long sent = Long.parseLong(fields[0]);
            int status = Integer.parseInt(fields[1]);
            long latency = Long.parseLong(fields[2]);
            first = Math.min(first, sent);
            last = Math.max(last, sent + latency);
            latencies.add(latency);
            if (status < 200 || status >= 400) {
                failed++;
            }
        }
        if (latencies.isEmpty()) {
            throw new IllegalStateException("vegeta sent no request");
        }
        double[] millis = latencies.stream().mapToDouble(nanos -> nanos / 1e6).toArray();
        double seconds = (last - first) / 1e9;
        double achieved = (millis.length - failed) / Math.max(seconds, 1e-9);
        return new Step(
                rate,
                achieved,
                Stats.percentile(millis, 50),
                Stats.percentile(millis, 99),
                Stats.percentile(millis, 99.9),
                millis.length,
                failed);
    }
}
