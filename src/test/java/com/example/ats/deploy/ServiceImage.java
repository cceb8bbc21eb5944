package com.example.ats.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The service's image, built once per test run from {@code docker/Dockerfile} unchanged, as a user builds it (on the
 * base-image stand-ins of bin/stack here). The Maven repository of this machine is mounted into the build so that the
 * build stage does not download the world again. Its size and layers are written to {@code target/image-report.txt}.
 */
final class ServiceImage {

    static final String NAME = "localhost/applicant-tracking:it";
    private static final Path REPORT = Path.of("target/image-report.txt");
    private static boolean built;

    private ServiceImage() {}

    static synchronized String build() {
        if (!built) {
            Path maven = Path.of(System.getProperty("user.home"), ".m2");
            long start = System.nanoTime();
            Podman.ok(
                    Duration.ofMinutes(30),
                    "build",
                    "--pull=never",
                    // Podman's default OCI format drops HEALTHCHECK.
                    "--format=docker",
                    "--volume=" + maven.toAbsolutePath() + ":/root/.m2",
                    "--file=docker/Dockerfile",
                    "--tag=" + NAME,
                    ".");
            report(Duration.ofNanos(System.nanoTime() - start));
            built = true;
        }
        return NAME;
    }

    private static void report(Duration took) {
        long bytes = Long.parseLong(Podman.ok(Duration.ofMinutes(1), "image", "inspect", "--format={{.Size}}", NAME));
        String layers =
                Podman.ok(Duration.ofMinutes(1), "history", "--no-trunc", "--format={{.Size}}\t{{.CreatedBy}}", NAME);
        String report = String.format(
                        Locale.ROOT,
                        "image %s: %.1f MB, built in %d s%nlayers (newest first), size and instruction:%n",
                        NAME,
                        bytes / 1e6,
                        took.toSeconds())
                + layers.lines()
                        .map(line -> "  " + (line.length() > 160 ? line.substring(0, 160) + "…" : line))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElse("")
                + "\n";
        System.out.print(report);
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, report);
        } catch (IOException e) {
            throw new AssertionError("cannot write " + REPORT, e);
        }
    }
}
