package com.example.ats.purge;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay did. */
@Schema(name = "PurgeReplay")
public record PurgeReplayView(
        @Schema(description = "Records replayed") int records,

        @Schema(description = "Restored applications removed again")
        int applicationsRemoved,

        @Schema(description = "Restored objects removed again")
        int objectsRemoved,

        @Schema(description = "Purge records that the restore had lost, written back")
        int recordsRestored,

        @Schema(description = "Restored data keys destroyed again")
        int keysDestroyed) {}
