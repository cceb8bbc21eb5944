package com.example.ats.shared;

import jakarta.ws.rs.core.EntityTag;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Optimistic concurrency over HTTP: the entity version as a strong ETag, and the If-Match rules. */
public final class ETags {

    /** One of our tags, strong or weak ({@code W/"3"}), quoted or (leniently) not: the quotes must pair. */
    private static final Pattern OUR_TAG = Pattern.compile("(?:W/)?(\"?)(\\d{1,18})\\1");

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
        Matcher ours = OUR_TAG.matcher(tag.strip());
        return ours.matches() ? Optional.of(Long.parseLong(ours.group(2))) : Optional.empty();
    }

    public static ApiException stale() {
        return new ApiException(
                ProblemType.PRECONDITION_FAILED,
                "The resource changed since you read it: read it again and retry with the new ETag");
    }
}
