package com.example.ats.statistics;

import com.example.ats.statistics.SmallCells.Group;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Counts under keys, the groups of them that add up, and which may be shown ({@link SmallCells}): what every answer is
 * read from, so that one rule decides for the JSON, the CSV and the chart alike.
 */
final class Table<K> {

    private final int smallestShown;
    private final Predicate<K> known;
    private final Predicate<K> unpublished;
    private final Predicate<K> guarded;
    private final Map<K, Long> counts = new HashMap<>();
    private final List<Group<K>> groups = new ArrayList<>();
    private final List<List<K>> chains = new ArrayList<>();
    private Set<K> suppressed;

    Table(int smallestShown) {
        this(smallestShown, key -> false, key -> false, key -> false);
    }

    /**
     * With {@code known}: counts a reader can learn elsewhere, never hidden nor relied on; {@code unpublished}: counts
     * never shown that complete a sum; {@code guarded}: unpublished counts protected all the same ({@link SmallCells}).
     */
    Table(int smallestShown, Predicate<K> known, Predicate<K> unpublished, Predicate<K> guarded) {
        this.smallestShown = smallestShown;
        this.known = known;
        this.unpublished = unpublished.or(guarded);
        this.guarded = guarded;
    }

    void add(K key, long count) {
        counts.merge(key, count, Long::sum);
    }

    /** Sums the parts into the whole and keeps them as a group. */
    void sum(List<K> parts, K whole) {
        sum(parts, whole, false);
    }

    /** Sums the parts into a whole that is hidden first when one part is (see {@link Group#wholeFirst}). */
    void sumHidingTheWholeFirst(List<K> parts, K whole) {
        sum(parts, whole, true);
    }

    private void sum(List<K> parts, K whole, boolean wholeFirst) {
        long total = parts.stream().mapToLong(this::raw).sum();
        counts.merge(whole, total, (a, b) -> b);
        groups.add(new Group<>(List.copyOf(parts), whole, wholeFirst));
    }

    /** Keeps parts and a whole already counted as a group (e.g. consent given and refused, of all received). */
    void group(List<K> parts, K whole) {
        groups.add(new Group<>(List.copyOf(parts), whole));
    }

    /** Counts that never grow along the list (nested stages). */
    void chain(List<K> cells) {
        chains.add(List.copyOf(cells));
    }

    long raw(K key) {
        return counts.getOrDefault(key, 0L);
    }

    Count shown(K key) {
        if (suppressed == null) {
            suppressed = SmallCells.suppressed(counts, groups, smallestShown, known, unpublished, guarded, chains);
        }
        return Count.of(raw(key), suppressed.contains(key), smallestShown);
    }
}
