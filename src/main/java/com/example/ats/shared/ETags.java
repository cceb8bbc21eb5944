package com.example.ats.shared;

import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Optimistic concurrency over HTTP: the entity version as a strong ETag, and the If-Match rules. */
public final class ETags {

    private ETags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * An If-Match precondition as RFC 9110 (13.1.1) defines it: {@code *} matches any current version, otherwise a
     * comma-separated list of our ETags. A missing header is 428; a list with none of our tags matches nothing (412).
     */
    public static IfMatch requireMatch(String ifMatch) {
        requirePresent(ifMatch);
        if (ifMatch.strip().equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            parse(tag).ifPresent(versions::add);
        }
        return new IfMatch(false, Set.copyOf(versions));
    }

    /** The versions an If-Match header accepts. */
    public record IfMatch(boolean any, Set<Long> versions) {

        /** 412 unless the current version is one the caller accepts. */
        public void check(long currentVersion) {
            if (!any && !versions.contains(currentVersion)) {
                throw stale();
            }
        }
    }

    private static void requirePresent(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "This update needs an If-Match header with the ETag of the version you read");
        }
    }

    private static Optional<Long> parse(String tag) {
        String value = tag.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static ApiException stale() {
        return new ApiException(
                ProblemType.PRECONDITION_FAILED,
                "The resource changed since you read it: read it again and retry with the new ETag");
    }
}
