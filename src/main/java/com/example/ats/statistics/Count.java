package com.example.ats.statistics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A count as it may be shown: the number, or that it is too small to show (and so are those it could be told from). */
@Schema(name = "StatisticCount", description = "A count, or `shown: \"<5\"` with no value when it is too small to show")
public record Count(
        @Schema(description = "The count; absent when suppressed", nullable = true, example = "12")
        Long value,

        @Schema(description = "As it may be printed: the number, or \"<k\" when suppressed", example = "12")
        String shown) {

    static Count of(long value, boolean suppressed, int smallestShown) {
        return suppressed ? new Count(null, "<" + smallestShown) : new Count(value, Long.toString(value));
    }
}
