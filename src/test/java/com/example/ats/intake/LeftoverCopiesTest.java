package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A local copy a crash left behind is removed once older than the orphan grace; a young one (another intake in
 * flight) and files that are not copies stay.
 */
@QuarkusTest
class LeftoverCopiesTest {

    @Inject
    LeftoverCopies copies;

    @Test
    void oldCopiesGoYoungCopiesAndOtherFilesStay() throws IOException {
        Path uploads =
                Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        Files.createDirectories(uploads);
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Path left = Files.createTempFile(uploads, "intake-", ".part");
        Files.setLastModifiedTime(left, twoHoursAgo);
        Path inFlight = Files.createTempFile(uploads, "intake-", ".part");
        Path notACopy = Files.createTempFile(uploads, "other-", ".txt");
        Files.setLastModifiedTime(notACopy, twoHoursAgo);
        try {
            assertThat(copies.sweep()).isGreaterThanOrEqualTo(1);

            assertThat(left).doesNotExist();
            assertThat(inFlight).exists();
            assertThat(notACopy).exists();
        } finally {
            Files.deleteIfExists(inFlight);
            Files.deleteIfExists(notACopy);
        }
    }
}
