package com.example.ats.event;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change feed. Unlike other lists it always has a next cursor: where to ask again for newer events. */
@Schema(name = "EventPage")
public record EventPage(
        List<EventView> items,

        @Schema(
                description = "Pass as `after` to continue; the same cursor again when there was nothing new",
                required = true)
        String nextCursor,

        @Schema(
                description = "The next page's URL (relative), with the same filter",
                format = "uri-reference",
                required = true)
        URI next) {}
