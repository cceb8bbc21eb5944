package com.example.ats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.shared.Replicas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (prod profile) started without its required settings, or with a weak server secret: it stops
 * at once and names every missing environment variable or the weak setting, instead of starting half-configured.
 */
class ConfigFailFastIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void aStartWithoutTheRequiredSettingsStopsAndNamesEachOne() throws Exception {
        Result result = start(Map.of());
        assertThat(result.exitCode()).isNotZero();
        assertThat(AppSettings.load().required())
                .hasSize(12)
                .contains("ATS_KEY_ENCRYPTION_KEYS")
                .allSatisfy(variable -> assertThat(result.output()).contains("Could not expand value " + variable));
    }

    @Test
    void oneMissingSettingIsNamedAlone() throws Exception {
        Result result = start(Map.of(
                "ATS_DB_URL", "jdbc:postgresql://127.0.0.1:1/ats",
                "ATS_DB_USERNAME", "ats",
                "ATS_DB_PASSWORD", "x",
                "ATS_STORAGE_ENDPOINT", "http://127.0.0.1:1",
                "ATS_STORAGE_ACCESS_KEY", "x",
                "ATS_STORAGE_SECRET_KEY", "x",
                "ATS_INTAKE_TOKEN_SECRET", "x",
                "ATS_OIDC_CLIENT_SECRET", "x"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Could not expand value ATS_OIDC_URL");
        assertThat(result.output()).doesNotContain("Could not expand value ATS_DB_URL");
    }

    @Test
    void aPublishedOrShortServerSecretStopsTheStartNamingTheSettingButNotTheValue() throws Exception {
        for (String weak : List.of("change-me", "Xk2Lm9Qp4Rs7Tv1W")) {
            Result result = start(unreachableDatabase(weak));
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output())
                    .contains("ats.security.token-secret")
                    .contains("ATS_INTAKE_TOKEN_SECRET) is too weak")
                    .doesNotContain(weak);
        }
    }

    @Test
    void aStrongServerSecretPassesTheCheck() throws Exception {
        Result result = start(unreachableDatabase(Replicas.TOKEN_SECRET));
        assertThat(result.exitCode()).isNotZero(); // it stops at the database, after the configuration passed
        assertThat(result.output()).doesNotContain("is too weak").doesNotContain(Replicas.TOKEN_SECRET);
    }

    @Test
    void aMalformedKeyEncryptionKeyStopsTheStartNamingTheSettingButNotTheValue() throws Exception {
        String shortKey = "2026-12:" + java.util.Base64.getEncoder().encodeToString(new byte[16]);
        for (String malformed : List.of("no-colon-here", shortKey, "2026-12:not*base64")) {
            Map<String, String> settings = unreachableDatabase(Replicas.TOKEN_SECRET);
            settings.put("ATS_KEY_ENCRYPTION_KEYS", malformed);
            Result result = start(settings);
            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output())
                    .contains("ats.encryption.key-encryption-keys")
                    .contains("ATS_KEY_ENCRYPTION_KEYS) cannot be used")
                    .doesNotContain(malformed.substring(malformed.indexOf(':') + 1));
        }
    }

    /** Every setting, the secret as given, and a database nobody listens on: the start stops before any work. */
    private static Map<String, String> unreachableDatabase(String secret) {
        Map<String, String> settings = new HashMap<>(Replicas.settings(0));
        settings.put("ATS_DB_URL", "jdbc:postgresql://127.0.0.1:1/ats");
        settings.put("ATS_INTAKE_TOKEN_SECRET", secret);
        return settings;
    }

    record Result(int exitCode, String output) {}

    private static Result start(Map<String, String> environment) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("ats-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=0", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ATS_") || name.startsWith("QUARKUS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        if (!stopped) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (!stopped) {
            throw new AssertionError("the service did not stop within 60 s:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }
}
