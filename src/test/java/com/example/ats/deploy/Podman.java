package com.example.ats.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The podman command that bin/stack installs, for the tests of the image and the pod spec. Its settings for this
 * machine (runc, ulimits, host network) come from the file bin/stack names in {@code CONTAINERS_CONF}.
 */
final class Podman {

    record Result(int exitCode, String output) {}

    private static final String PODMAN = System.getenv().getOrDefault("ATS_PODMAN", "podman");

    private Podman() {}

    /** Runs podman with these arguments and returns its exit code and output (stdout and stderr together). */
    static Result run(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of(PODMAN));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("podman", ".log");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("podman did not finish within " + timeout + ": " + command + "\n"
                            + Files.readString(output, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("podman could not be started (" + PODMAN + "); bin/stack up installs it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs podman and returns its output; a non-zero exit fails the test with that output. */
    static String ok(Duration timeout, String... arguments) {
        Result result = run(timeout, arguments);
        if (result.exitCode() != 0) {
            throw new AssertionError(
                    "podman " + String.join(" ", arguments) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output().strip();
    }

    /** Removes a container or pod if it exists, whatever state it is in. */
    static void removeQuietly(String kind, String name) {
        run(Duration.ofMinutes(2), kind, "rm", "--force", "--ignore", name);
    }
}
