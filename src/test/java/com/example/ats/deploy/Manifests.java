package com.example.ats.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a Kustomize directory with the real kustomize, checks rendered YAML against the Kubernetes schemas with
 * kubernetes-validate and with kube-score (all installed by bin/stack), and reads it into fabric8's model for the
 * rules neither can express.
 */
final class Manifests {

    /**
     * The Kubernetes release whose schemas the manifests must satisfy: the one the pinned kubernetes-validate is named
     * after (bin/stack.d/kubernetes-validate.sh), which ships its schemas, so no network is needed.
     */
    static final String KUBERNETES_VERSION = "1.37";

    private Manifests() {}

    static List<HasMetadata> render(String directory) {
        return parse(build(directory));
    }

    /** The YAML that {@code kustomize build} renders from a directory. */
    static String build(String directory) {
        String kustomize = System.getenv().getOrDefault("ATS_KUSTOMIZE", "kustomize");
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Process process = new ProcessBuilder(kustomize, "build", directory)
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kustomize build " + directory + " failed: " + errors);
            }
            String yaml = Files.readString(output);
            Files.delete(output);
            return yaml;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "kustomize not found (" + kustomize + "); run bin/stack up and eval \"$(bin/stack env)\"", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What kubernetes-validate finds wrong in rendered YAML (empty: valid), strictly: a field the schema does not
     * know is an error, and so is a kind or API version it has no schema for (which the tool itself only warns of).
     */
    static List<String> schemaErrors(String yaml) {
        Checked checked = check(
                "ATS_KUBERNETES_VALIDATE",
                "kubernetes-validate",
                yaml,
                "--strict",
                "--quiet",
                "-k",
                KUBERNETES_VERSION,
                "-");
        // --quiet: every line it prints is a warning (no schema) or an error
        List<String> errors = new ArrayList<>(
                checked.output().lines().filter(line -> !line.isBlank()).toList());
        if (checked.exitCode() != 0 && errors.isEmpty()) {
            errors.add("kubernetes-validate exited with " + checked.exitCode());
        }
        return errors;
    }

    /**
     * What kube-score (installed by bin/stack) finds critical in rendered YAML: one line per finding, empty when none.
     * A Deployment's {@code kube-score/ignore} annotation names the checks it is exempt from, with the reason beside it.
     */
    static List<String> kubeScoreCriticals(String yaml) {
        Checked checked = check("ATS_KUBE_SCORE", "kube-score", yaml, "score", "--output-format", "ci", "-");
        List<String> criticals = checked.output()
                .lines()
                .filter(line -> line.startsWith("[CRITICAL]"))
                .toList();
        if (checked.exitCode() != 0 && criticals.isEmpty()) {
            throw new IllegalStateException("kube-score failed (" + checked.exitCode() + "): " + checked.output());
        }
        return criticals;
    }

    private record Checked(int exitCode, String output) {}

    /** Runs a checker that bin/stack installs (its path in this variable), with the YAML on its standard input. */
    private static Checked check(String variable, String tool, String yaml, String... arguments) {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault(variable, tool)));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    tool + " not found (" + command.getFirst() + "); run bin/stack up and eval \"$(bin/stack env)\"",
                    e);
        }
        try {
            try (OutputStream input = process.getOutputStream()) {
                input.write(yaml.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it stopped reading early (a broken install, say): what it printed and its exit code tell why
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " did not finish within 60 s");
            }
            return new Checked(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Objects as YAML again, one document each, for the checkers that read YAML. */
    static String yaml(List<HasMetadata> objects) {
        KubernetesSerialization serialization = new KubernetesSerialization();
        return String.join(
                "\n---\n", objects.stream().map(serialization::asYaml).toList());
    }

    static List<HasMetadata> parse(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(yaml);
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        return List.of((HasMetadata) parsed);
    }
}
