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
 * No container engine runs here, so the compose file is checked by reading it: every service the service needs,
 * every variable production requires, no secret written into the file. The last tests break a copy on purpose and
 * show that the rules notice.
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
    void theMinioImageIsBuiltFromTheCommitBinStackPins() throws IOException {
        String stack = Files.readString(Path.of("bin/stack.d/minio.sh"));
        String image = Files.readString(Path.of("docker/minio/Dockerfile"));
        String pinned = stack.replaceAll("(?s).*\nMINIO_VERSION=(\\S+).*", "$1");
        assertThat(image).contains("ARG MINIO_VERSION=" + pinned);
    }
}
