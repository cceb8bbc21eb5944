package com.example.ats.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize directory with the real kustomize (installed by bin/stack) and reads it into fabric8's model. */
final class Manifests {

    private Manifests() {}

    static List<HasMetadata> render(String directory) {
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
            return parse(yaml);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "kustomize not found (" + kustomize + "); run bin/stack up and eval \"$(bin/stack env)\"", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
