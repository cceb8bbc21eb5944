package com.example.ats.purge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One purge record. */
@Schema(name = "PurgeRecord")
public record PurgeRecordView(
        @NotNull UUID applicationId,
        Instant expiresAt,
        @NotNull Instant purgedAt,
        @NotNull PurgeRecord.Reason reason,
        @NotBlank @Size(max = 100) String policyVersion,
        @PositiveOrZero int objectsRemoved,

        @Schema(
                description = "Whether the application's data key was destroyed with it: the copies of its files"
                        + " elsewhere (store replicas and backups) can no longer be decrypted with anything the"
                        + " service holds; a database backup keeps the key until it expires. False when a file of"
                        + " it was stored in clear")
        boolean keyDestroyed) {

    PurgeReplay.Recorded recorded() {
        return new PurgeReplay.Recorded(
                applicationId, expiresAt, purgedAt, reason, policyVersion, objectsRemoved, keyDestroyed);
    }

    static PurgeRecordView from(PurgeRecord record) {
        return new PurgeRecordView(
                record.applicationId,
                record.expiresAt,
                record.purgedAt,
                record.reason,
                record.policyVersion,
                record.objectsRemoved,
                record.keyDestroyed);
    }
}
