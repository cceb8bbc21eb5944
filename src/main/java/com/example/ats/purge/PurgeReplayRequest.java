package com.example.ats.purge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Purge records to replay after a restore, as {@code GET /purges} pages list them. */
@Schema(name = "PurgeReplayRequest")
public record PurgeReplayRequest(
        @NotNull @Size(min = 1, max = 10_000) List<@NotNull @Valid PurgeRecordView> records) {}
