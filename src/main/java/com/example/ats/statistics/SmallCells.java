package com.example.ats.statistics;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which counts of a table may not be shown: every count of one to {@code k - 1} people (primary suppression), and
 * then, for each group of parts that add up to a whole, enough other counts that no suppressed one can be worked out
 * by subtraction (secondary suppression: where one count of a group is hidden, the smallest other one is hidden too).
 * Zero is shown: it points to nobody. A pure function of the counts, the groups and {@code k}.
 */
public final class SmallCells {

    /**
     * Parts that add up to a whole, each a key of the table; the whole may itself be a part of another group. Where
     * one part is hidden, the smallest other part is hidden with it; or, with {@code wholeFirst}, the whole (for a
     * total that matters less than its parts, such as every vacancy's together).
     */
    public record Group<K>(List<K> parts, K whole, boolean wholeFirst) {

        public Group(List<K> parts, K whole) {
            this(parts, whole, false);
        }
    }

    private SmallCells() {}

    /** The keys of the counts to hide. A key missing from {@code counts} counts zero. */
    public static <K> Set<K> suppressed(Map<K, Long> counts, Collection<Group<K>> groups, int k) {
        Set<K> hidden = new HashSet<>();
        counts.forEach((key, count) -> {
            if (count > 0 && count < k) {
                hidden.add(key);
            }
        });
        boolean changed = true;
        while (changed) { // each round hides at least one more count, so this ends
            changed = false;
            for (Group<K> group : groups) {
                Optional<K> more = oneMoreToHide(group, counts, hidden);
                if (more.isPresent()) {
                    hidden.add(more.get());
                    changed = true;
                }
            }
        }
        return hidden;
    }

    /** A count to hide so that the group's one hidden count cannot be derived; empty when none is needed. */
    private static <K> Optional<K> oneMoreToHide(Group<K> group, Map<K, Long> counts, Set<K> hidden) {
        long hiddenParts = group.parts().stream().filter(hidden::contains).count();
        boolean wholeHidden = hidden.contains(group.whole());
        if (hiddenParts + (wholeHidden ? 1 : 0) != 1) {
            return Optional.empty(); // nothing hidden, or two or more that only their sum could tell
        }
        Optional<K> smallestShownPart = group.parts().stream()
                .filter(part -> !hidden.contains(part) && count(counts, part) > 0)
                .min(Comparator.comparingLong(part -> count(counts, part)));
        if (wholeHidden) {
            return smallestShownPart; // no positive part shown: the whole is the sum of zeros and was never hidden
        }
        if (group.wholeFirst()) {
            return Optional.of(group.whole());
        }
        return smallestShownPart.or(() -> Optional.of(group.whole()));
    }

    private static <K> long count(Map<K, Long> counts, K key) {
        return counts.getOrDefault(key, 0L);
    }
}
