package com.example.ats.intake;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local copies of received files that a crash left in the uploads directory (a request ends by removing its own):
 * removed at start and with every housekeeping round, once older than the orphan grace. The age is read in real
 * time, as file times are written: several instances may share the directory, and a young copy may be another's
 * intake in flight.
 */
@ApplicationScoped
class LeftoverCopies {

    private final Path directory;
    private final Duration grace;

    LeftoverCopies(
            IntakeConfig config, @ConfigProperty(name = "quarkus.http.body.uploads-directory") String directory) {
        this.directory = Path.of(directory);
        this.grace = config.orphanGrace();
    }

    void atStart(@Observes StartupEvent start) {
        int removed = sweep();
        if (removed > 0) {
            Log.infof("Removed %d local copy(ies) left by an earlier run", removed);
        }
    }

    /** Removes the copies older than the grace; returns how many. */
    int sweep() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        FileTime cutoff = FileTime.from(Instant.now().minus(grace));
        int removed = 0;
        try (DirectoryStream<Path> copies = Files.newDirectoryStream(directory, Reception.COPY_PATTERN)) {
            for (Path copy : copies) {
                try {
                    if (Files.getLastModifiedTime(copy).compareTo(cutoff) < 0 && Files.deleteIfExists(copy)) {
                        removed++;
                    }
                } catch (IOException goneMeanwhile) {
                    // removed by its own request or another sweep
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return removed;
    }
}
