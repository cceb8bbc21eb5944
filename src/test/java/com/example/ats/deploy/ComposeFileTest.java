package com.example.ats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compose file, read by a real compose implementation (podman-compose, which bin/stack installs: the images it
 * names cannot be pulled here, so it is resolved, not run) and by our rules: every service the service needs, every
 * variable production requires, no secret written into the file. Tests break a copy on purpose and show that the
 * rules notice.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final AppSettings SETTINGS = AppSettings.load();

    private Map<String, Object> compose;

    @BeforeEach
    void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readValue(COMPOSE.toFile(), new TypeReference<>() {});
    }

    @Test
    void theComposeFileWiresTheServiceToPostgresMinioAndKeycloakByEnvironmentOnly() {
        assertThat(ComposeRules.violations(compose, SETTINGS)).isEmpty();
        assertThat(SETTINGS.required())
                .contains("ATS_DB_URL", "ATS_DB_PASSWORD", "ATS_STORAGE_ENDPOINT", "ATS_OIDC_URL");
    }

    @Test
    void theImageAndTheRealmItImportsExist() {
        Map<String, Object> build = ComposeRules.map(service("ats").get("build"));
        assertThat(COMPOSE.getParent()
                        .resolve(String.valueOf(build.get("context")))
                        .resolve(String.valueOf(build.get("dockerfile"))))
                .exists();
        assertThat(Path.of("docker/keycloak/ats-realm.json")).exists();
        assertThat(Path.of("docker/minio/Dockerfile")).exists();
    }

    @Test
    void aMissingRequiredVariableIsNoticed() {
        environment("ats").remove("ATS_OIDC_URL");
        assertThat(ComposeRules.violations(compose, SETTINGS))
                .containsExactly("ats: required variable ATS_OIDC_URL is not set");
    }

    @Test
    void aSecretWrittenIntoTheFileIsNoticed() {
        environment("ats").put("ATS_DB_PASSWORD", "hunter2");
        environment("minio").put("MINIO_ROOT_PASSWORD", "minio123");
        assertThat(ComposeRules.violations(compose, SETTINGS))
                .containsExactlyInAnyOrder(
                        "ats: ATS_DB_PASSWORD is written in the file; use ${ATS_DB_PASSWORD:?...}",
                        "minio: MINIO_ROOT_PASSWORD is written in the file; use ${MINIO_ROOT_PASSWORD:?...}");
    }

    @Test
    void aMisspelledVariableAndAMissingServiceAreNoticed() {
        environment("ats").put("ATS_DB_PASWORD", "${ATS_DB_PASSWORD:?set it}");
        ComposeRules.map(compose.get("services")).remove("keycloak");
        assertThat(ComposeRules.violations(compose, SETTINGS))
                .contains("service 'keycloak' is missing", "ats: ATS_DB_PASWORD is no setting of the service");
    }

    private Map<String, Object> service(String name) {
        return ComposeRules.map(ComposeRules.map(compose.get("services")).get(name));
    }

    private Map<String, Object> environment(String service) {
        return ComposeRules.map(service(service).get("environment"));
    }

    @Test
    void podmanComposeResolvesTheFileWithTheExampleSettingsAndRefusesItWithoutOne() throws Exception {
        Map<String, String> example = new java.util.LinkedHashMap<>();
        Files.readAllLines(Path.of("docker/.env.example")).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .forEach(line ->
                        example.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));

        ComposeRun resolved = podmanComposeConfig(example);
        assertThat(resolved.exitCode()).as(resolved.output()).isZero();
        assertThat(resolved.output())
                .contains("  ats:", "  postgres:", "  minio:", "  keycloak:", "  clamav:")
                .contains("dockerfile: docker/Dockerfile")
                .contains("ATS_DB_PASSWORD: " + example.get("ATS_DB_PASSWORD"));

        example.remove("ATS_DB_PASSWORD");
        ComposeRun refused = podmanComposeConfig(example);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("ATS_DB_PASSWORD");
    }

    record ComposeRun(int exitCode, String output) {}

    /** {@code podman-compose config} with exactly these variables (none from this process, no docker/.env). */
    private static ComposeRun podmanComposeConfig(Map<String, String> variables) throws Exception {
        Path envFile = Files.createTempFile("compose", ".env");
        try {
            Files.write(
                    envFile,
                    variables.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .toList());
            ProcessBuilder builder = new ProcessBuilder(
                            System.getenv().getOrDefault("ATS_PODMAN_COMPOSE", "podman-compose"),
                            "--env-file",
                            envFile.toString(),
                            "-f",
                            COMPOSE.toString(),
                            "config")
                    .redirectErrorStream(true);
            builder.environment()
                    .keySet()
                    .removeIf(name ->
                            name.startsWith("ATS_") || name.startsWith("MINIO_") || name.startsWith("KEYCLOAK_"));
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            return new ComposeRun(process.exitValue(), output);
        } finally {
            Files.delete(envFile);
        }
    }

    @Test
    void theMinioImageIsBuiltFromTheCommitBinStackPins() throws IOException {
        String stack = Files.readString(Path.of("bin/stack.d/minio.sh"));
        String image = Files.readString(Path.of("docker/minio/Dockerfile"));
        String pinned = stack.replaceAll("(?s).*\nMINIO_VERSION=(\\S+).*", "$1");
        assertThat(image).contains("ARG MINIO_VERSION=" + pinned);
    }
}
