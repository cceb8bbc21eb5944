package com.example.ats.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
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

    /**
     * One page: reads one row more than the page holds (that row only tells that a next page exists) from the rows
     * after the cursor, and cuts the slice.
     *
     * @param rows reads at most {@code limit} rows after a cursor (null: from the start)
     * @param position the keyset position of a row, for the next cursor
     */
    public <T> Slice<T> read(BiFunction<Cursor, Integer, List<T>> rows, Function<T, Cursor> position) {
        return Slice.of(rows.apply(after(), limit + 1), limit, position);
    }
}
