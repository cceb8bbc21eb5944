package com.example.ats.purge;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of purge records. */
@Schema(name = "PurgeRecordPage")
public record PurgeRecordPage(
        List<PurgeRecordView> items,
        String nextCursor,

        @Schema(
                description = "The next page, relative to the service; absent on the last page",
                format = "uri-reference")
        URI next) {}
