package com.example.ats.purge;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a purge run. */
@Schema(name = "PurgeRun")
public record PurgeRunView(
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "Applications purged") int purged,

        @Schema(description = "Objects removed from the store")
        int objectsRemoved) {}
