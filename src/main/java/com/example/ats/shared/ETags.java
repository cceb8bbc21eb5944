package com.example.ats.shared;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: the entity version as a strong ETag, and the If-Match rules. */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the caller says it last saw. A missing header is 428 (the caller must read first), one that is
     * not one of our ETags is 412.
     */
    public static long requireVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "This update needs an If-Match header with the ETag of the version you read");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    public static ApiException stale() {
        return new ApiException(
                ProblemType.PRECONDITION_FAILED,
                "The resource changed since you read it: read it again and retry with the new ETag");
    }
}
