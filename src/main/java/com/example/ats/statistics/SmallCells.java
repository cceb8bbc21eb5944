package com.example.ats.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Which counts of a table may not be shown: every count of one to {@code k - 1} people (primary suppression), and then
 * enough other counts that no hidden one can be worked out from the shown ones and the sums they are in (secondary
 * suppression). First, for each group of parts that add up to a whole, where one count is hidden the smallest other is
 * hidden too; then the whole table is checked exactly, as a system of linear equations, for a hidden count that
 * several sums together still fix, and one more is hidden until none is. Zero is shown: it points to nobody. A count
 * the reader knows anyway ({@code known}) is never hidden nor relied on to hide another. A pure function.
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

        Stream<K> cells() {
            return Stream.concat(parts.stream(), Stream.of(whole));
        }
    }

    private static final double TINY = 1e-9;

    private SmallCells() {}

    /** The keys of the counts to hide. A key missing from {@code counts} counts zero. */
    public static <K> Set<K> suppressed(Map<K, Long> counts, Collection<Group<K>> groups, int k) {
        return suppressed(counts, groups, k, key -> false);
    }

    /** As above, where {@code known} names the counts a reader can learn elsewhere (never hidden, never relied on). */
    public static <K> Set<K> suppressed(Map<K, Long> counts, Collection<Group<K>> groups, int k, Predicate<K> given) {
        return suppressed(counts, groups, k, given, key -> false);
    }

    /**
     * As above, where {@code unpublished} names counts that complete a sum but are never shown (unknown to a reader,
     * so they hide like hidden ones, and are not themselves protected).
     */
    public static <K> Set<K> suppressed(
            Map<K, Long> counts, Collection<Group<K>> groups, int k, Predicate<K> given, Predicate<K> unpublished) {
        return suppressed(counts, groups, k, given, unpublished, key -> false);
    }

    /**
     * As above, where {@code guarded} names unpublished counts that are protected all the same: the difference of two
     * nested counts (how many got an offer and were not hired) is never shown, and a small one may not be worked out
     * from the two shown either.
     */
    public static <K> Set<K> suppressed(
            Map<K, Long> counts,
            Collection<Group<K>> groups,
            int k,
            Predicate<K> given,
            Predicate<K> shownNever,
            Predicate<K> guarded) {
        return suppressed(counts, groups, k, given, shownNever, guarded, List.of());
    }

    /**
     * As above, where each of {@code chains} lists counts that never grow along it (received, screened, interviewed,
     * ...): a hidden count between two shown ones that are equal is that number, so one of them is hidden too.
     */
    public static <K> Set<K> suppressed(
            Map<K, Long> counts,
            Collection<Group<K>> groups,
            int k,
            Predicate<K> given,
            Predicate<K> shownNever,
            Predicate<K> guarded,
            Collection<List<K>> chains) {
        // an unpublished count tells nothing, unless it is a guarded small one
        Predicate<K> unpublished =
                key -> shownNever.test(key) && !(guarded.test(key) && count(counts, key) > 0 && count(counts, key) < k);
        // what the reader can work out from known counts and zeros alone cannot be protected: not worth hiding others
        Set<K> worksOut = public_(counts, groups, given, shownNever);
        Predicate<K> known = given.or(worksOut::contains);
        Set<K> hidden = new HashSet<>();
        counts.forEach((key, count) -> {
            if (shownNever.test(key) || (count > 0 && count < k && !given.test(key))) {
                hidden.add(key); // a small count is never printed, even where it could be worked out
            }
        });
        groups.forEach(g -> g.cells().filter(shownNever).forEach(hidden::add));
        while (true) {
            hideAlongSums(counts, groups, hidden, known, unpublished);
            Optional<K> toldByOrder = toldByOrder(counts, chains, hidden, known);
            if (toldByOrder.isPresent()) {
                hidden.add(toldByOrder.get());
                continue;
            }
            Optional<K> fixed = determined(groups, hidden, known, unpublished);
            if (fixed.isEmpty()) {
                return hidden;
            }
            Optional<K> more = smallestShown(counts, groups, hidden, known, fixed.get());
            if (more.isEmpty()) {
                return hidden; // nothing left to hide that could help: every positive count is hidden already
            }
            hidden.add(more.get());
        }
    }

    private static <K> void hideAlongSums(
            Map<K, Long> counts,
            Collection<Group<K>> groups,
            Set<K> hidden,
            Predicate<K> known,
            Predicate<K> unpublished) {
        boolean changed = true;
        while (changed) { // each round hides at least one more count, so this ends
            changed = false;
            for (Group<K> group : groups) {
                Optional<K> more = oneMoreToHide(group, counts, hidden, known, unpublished);
                if (more.isPresent()) {
                    hidden.add(more.get());
                    changed = true;
                }
            }
        }
    }

    /** A count to hide so that the group's one hidden count cannot be derived; empty when none is needed. */
    private static <K> Optional<K> oneMoreToHide(
            Group<K> group, Map<K, Long> counts, Set<K> hidden, Predicate<K> known, Predicate<K> unpublished) {
        Predicate<K> protectedHere = cell -> hidden.contains(cell) && !known.test(cell);
        long hiddenParts = group.parts().stream().filter(protectedHere).count();
        boolean wholeHidden = protectedHere.test(group.whole());
        if (hiddenParts + (wholeHidden ? 1 : 0) != 1) {
            return Optional.empty(); // nothing hidden, or two or more that only their sum could tell
        }
        if (group.cells().anyMatch(cell -> protectedHere.test(cell) && unpublished.test(cell))) {
            return Optional.empty(); // the one unknown is never shown: nothing here to protect
        }
        Optional<K> smallestShownPart = group.parts().stream()
                .filter(part -> !hidden.contains(part) && !known.test(part) && count(counts, part) > 0)
                .min(Comparator.comparingLong(part -> count(counts, part)));
        if (wholeHidden) {
            return smallestShownPart; // no positive part shown: the whole is the sum of zeros and was never hidden
        }
        if (group.wholeFirst() && !known.test(group.whole())) {
            return Optional.of(group.whole());
        }
        return smallestShownPart.or(() -> known.test(group.whole()) ? Optional.empty() : Optional.of(group.whole()));
    }

    /**
     * A shown count to hide because a hidden one lies between it and an equal shown one in a chain (or below a shown
     * zero at its end), which tells the hidden one; empty when there is none.
     */
    static <K> Optional<K> toldByOrder(
            Map<K, Long> counts, Collection<List<K>> chains, Set<K> hidden, Predicate<K> known) {
        Predicate<K> open = cell -> hidden.contains(cell) && !known.test(cell);
        for (List<K> chain : chains) {
            for (int i = 0; i < chain.size(); i++) {
                if (!open.test(chain.get(i))) {
                    continue;
                }
                int above = i - 1;
                while (above >= 0 && open.test(chain.get(above))) {
                    above--;
                }
                int below = i + 1;
                while (below < chain.size() && open.test(chain.get(below))) {
                    below++;
                }
                long upper = above >= 0 ? count(counts, chain.get(above)) : Long.MAX_VALUE;
                long lower = below < chain.size() ? count(counts, chain.get(below)) : 0;
                if (upper != lower) {
                    continue;
                }
                // hide the shown bound that is no known count and not zero: the one below, else the one above
                if (below < chain.size() && lower > 0 && !known.test(chain.get(below))) {
                    return Optional.of(chain.get(below));
                }
                if (above >= 0 && upper > 0 && !known.test(chain.get(above))) {
                    return Optional.of(chain.get(above));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A hidden count that the sums fix all the same, if any: with the shown counts moved to the right-hand side, each
     * group is an equation over the hidden ones; a hidden count is fixed exactly when its unit vector lies in the span
     * of those equations, i.e. its column has a pivot whose reduced row has no other entry.
     */
    static <K> Optional<K> determined(Collection<Group<K>> groups, Set<K> hidden) {
        return determined(groups, hidden, key -> false, key -> false);
    }

    static <K> Optional<K> determined(
            Collection<Group<K>> groups, Set<K> hiddenCells, Predicate<K> known, Predicate<K> unpublished) {
        Set<K> hidden = new HashSet<>(hiddenCells);
        hidden.removeIf(known); // public anyway: a given, like a shown count
        // one system per connected set of hidden counts (those that share a sum): small, where the whole month is not
        Map<K, K> parent = new HashMap<>();
        hidden.forEach(c -> parent.put(c, c));
        for (Group<K> group : groups) {
            List<K> inGroup = group.cells().filter(hidden::contains).toList();
            for (int i = 1; i < inGroup.size(); i++) {
                parent.put(root(parent, inGroup.get(i)), root(parent, inGroup.get(0)));
            }
        }
        Map<K, List<Group<K>>> byComponent = new HashMap<>();
        for (Group<K> group : groups) {
            group.cells()
                    .filter(hidden::contains)
                    .findFirst()
                    .ifPresent(c -> byComponent
                            .computeIfAbsent(root(parent, c), r -> new ArrayList<>())
                            .add(group));
        }
        for (List<Group<K>> component : byComponent.values()) {
            Optional<K> fixed = fixedIn(component, hidden, unpublished);
            if (fixed.isPresent()) {
                return fixed;
            }
        }
        return Optional.empty();
    }

    private static <K> K root(Map<K, K> parent, K cell) {
        K root = cell;
        while (!parent.get(root).equals(root)) {
            root = parent.get(root);
        }
        parent.put(cell, root);
        return root;
    }

    private static <K> Optional<K> fixedIn(List<Group<K>> touching, Set<K> hidden, Predicate<K> unpublished) {
        Map<K, Integer> column = new HashMap<>();
        List<double[]> rows = new ArrayList<>();
        touching.forEach(g -> g.cells().filter(hidden::contains).forEach(c -> column.putIfAbsent(c, column.size())));
        for (Group<K> group : touching) {
            double[] row = new double[column.size()];
            group.parts().stream().filter(hidden::contains).forEach(p -> row[column.get(p)] += 1);
            if (hidden.contains(group.whole())) {
                row[column.get(group.whole())] -= 1;
            }
            rows.add(row);
        }
        double[][] m = rows.toArray(double[][]::new);
        int width = column.size();
        int pivotRow = 0;
        int[] pivotOf = new int[width];
        java.util.Arrays.fill(pivotOf, -1);
        for (int col = 0; col < width && pivotRow < m.length; col++) {
            int best = pivotRow;
            for (int r = pivotRow + 1; r < m.length; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
                    best = r;
                }
            }
            if (Math.abs(m[best][col]) < TINY) {
                continue;
            }
            double[] swap = m[pivotRow];
            m[pivotRow] = m[best];
            m[best] = swap;
            double lead = m[pivotRow][col];
            for (int c = 0; c < width; c++) {
                m[pivotRow][c] /= lead;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != pivotRow && Math.abs(m[r][col]) > TINY) {
                    double factor = m[r][col];
                    for (int c = 0; c < width; c++) {
                        m[r][c] -= factor * m[pivotRow][c];
                    }
                }
            }
            pivotOf[col] = pivotRow++;
        }
        for (Map.Entry<K, Integer> entry : column.entrySet()) {
            if (unpublished.test(entry.getKey())) {
                continue; // never shown: that it could be worked out tells nothing more than the shown counts do
            }
            int col = entry.getValue();
            if (pivotOf[col] >= 0) {
                double[] row = m[pivotOf[col]];
                boolean alone = true;
                for (int c = 0; c < width && alone; c++) {
                    alone = c == col || Math.abs(row[c]) < TINY;
                }
                if (alone) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The counts a reader can work out from the known ones and the zeros alone (a sum whose other counts are all known
     * or zero tells the last one): hiding them protects nothing, so nothing else is hidden for their sake.
     */
    static <K> Set<K> public_(
            Map<K, Long> counts, Collection<Group<K>> groups, Predicate<K> known, Predicate<K> unpublished) {
        Set<K> fixed = new HashSet<>();
        Predicate<K> isFixed = cell ->
                known.test(cell) || (count(counts, cell) == 0 && !unpublished.test(cell)) || fixed.contains(cell);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group<K> group : groups) {
                List<K> open = group.cells().filter(isFixed.negate()).toList();
                if (open.size() == 1) {
                    fixed.add(open.get(0));
                    changed = true;
                }
            }
        }
        return fixed;
    }

    /** The smallest positive count shown in a group with {@code fixed}, else in any group with a hidden count. */
    private static <K> Optional<K> smallestShown(
            Map<K, Long> counts, Collection<Group<K>> groups, Set<K> hidden, Predicate<K> known, K fixed) {
        Comparator<K> bySize = Comparator.comparingLong(key -> count(counts, key));
        Optional<K> near = groups.stream()
                .filter(g -> g.cells().anyMatch(fixed::equals))
                .flatMap(Group::cells)
                .filter(c -> !hidden.contains(c) && !known.test(c) && count(counts, c) > 0)
                .min(bySize);
        return near.or(() -> groups.stream()
                .filter(g -> g.cells().anyMatch(hidden::contains))
                .flatMap(Group::cells)
                .filter(c -> !hidden.contains(c) && !known.test(c) && count(counts, c) > 0)
                .min(bySize));
    }

    private static <K> long count(Map<K, Long> counts, K key) {
        return counts.getOrDefault(key, 0L);
    }
}
