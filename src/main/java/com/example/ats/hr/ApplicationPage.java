package com.example.ats.hr;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the application list. */
@Schema(name = "ApplicationPage")
public record ApplicationPage(
        List<ApplicationSummary> items,

        @Schema(description = "Opaque position of the next page; absent on the last page")
        String nextCursor,

        @Schema(
                description = "The next page, relative to the service; absent on the last page",
                format = "uri-reference")
        URI next) {}
