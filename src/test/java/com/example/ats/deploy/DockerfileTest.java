package com.example.ats.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The image build, read as text: unprivileged, health-checked, no secrets baked in (ContainerImageIT builds and runs it). */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    @Test
    void theImageRunsUnprivilegedWithAHealthCheckAndNoSecrets() throws IOException {
        // One instruction per line: continuation lines joined.
        List<String> lines =
                List.of(Files.readString(DOCKERFILE).replace("\\\n", " ").split("\n"));
        String lastUser = lines.stream()
                .filter(line -> line.startsWith("USER "))
                .reduce((first, second) -> second)
                .orElseThrow();
        assertThat(lastUser).doesNotContain("root").doesNotContain(" 0");
        assertThat(lines)
                .anySatisfy(line -> assertThat(line).startsWith("HEALTHCHECK").contains("/q/health/ready"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("ENTRYPOINT [\"java\""));
        assertThat(lines)
                .filteredOn(line -> line.startsWith("ENV ") || line.startsWith("ARG "))
                .noneSatisfy(line -> assertThat(line).containsPattern("(PASSWORD|SECRET|_KEY)="));
        // The uploads directory lies in /tmp, the one place a read-only root filesystem leaves writable.
        assertThat(String.join("\n", lines)).contains("ATS_UPLOADS_DIR=/tmp/");
    }
}
