package com.example.ats.shared;

import java.util.List;
import java.util.function.Function;

/** One keyset page: at most {@code limit} items and the cursor of the next page (null on the last page). */
public record Slice<T>(List<T> items, String nextCursor) {

    /** From rows read with {@code limit + 1}: the extra row only tells that a next page exists. */
    public static <T> Slice<T> of(List<T> rows, int limit, Function<T, Cursor> position) {
        boolean more = rows.size() > limit;
        List<T> items = more ? rows.subList(0, limit) : rows;
        return new Slice<>(items, more ? position.apply(items.getLast()).encode() : null);
    }

    public <R> Slice<R> map(Function<T, R> mapper) {
        return new Slice<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
