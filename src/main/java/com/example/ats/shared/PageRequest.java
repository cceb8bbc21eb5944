package com.example.ats.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging query parameters every list shares: a page size and the opaque cursor of the previous page. */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @DefaultValue("25")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Page size, 1 to 100")
    public int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Parameter(description = "Opaque position from the `nextCursor` of the previous page; absent for the first page")
    public String cursor;

    public Cursor after() {
        return cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
    }
}
