package com.example.ats.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.statistics.SmallCells.Group;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    private static final int K = 5;

    @Test
    void countsOfOneToFourAreHiddenZeroAndFiveAreShown() {
        Map<String, Long> counts = Map.of("zero", 0L, "one", 1L, "four", 4L, "five", 5L, "many", 120L);
        assertThat(SmallCells.suppressed(counts, List.of(), K)).containsExactlyInAnyOrder("one", "four");
    }

    @Test
    void aSmallDifferenceOfTwoNestedCountsIsNotToldByShowingBoth() {
        // six got an offer, five were hired: "stopped after the offer" is never shown, and one is not to be worked out
        Map<String, Long> counts = Map.of("offer", 6L, "hired", 5L, "stopped", 1L);
        List<Group<String>> nested = List.of(new Group<>(List.of("hired", "stopped"), "offer"));
        assertThat(SmallCells.suppressed(counts, nested, K, key -> false, "stopped"::equals, "stopped"::equals))
                .containsExactlyInAnyOrder("stopped", "hired");
        // an unpublished count that is not guarded tells nothing worth hiding another for
        assertThat(SmallCells.suppressed(counts, nested, K, key -> false, "stopped"::equals, key -> false))
                .containsExactlyInAnyOrder("stopped");
        // a large difference needs no hiding
        Map<String, Long> large = Map.of("offer", 11L, "hired", 5L, "stopped", 6L);
        assertThat(SmallCells.suppressed(large, nested, K, key -> false, "stopped"::equals, "stopped"::equals))
                .containsExactlyInAnyOrder("stopped");
    }

    @Test
    void aHiddenCountBetweenTwoEqualShownOnesOfAChainHidesOneOfThem() {
        // screened 9 >= interviewed (hidden) >= offered 9: the interview would be 9
        Map<String, Long> counts = Map.of("screened", 9L, "interviewed", 9L, "offered", 9L);
        assertThat(SmallCells.toldByOrder(
                        counts,
                        List.of(List.of("screened", "interviewed", "offered")),
                        Set.of("interviewed"),
                        k -> false))
                .contains("offered");
        assertThat(SmallCells.toldByOrder(
                        Map.of("screened", 12L, "interviewed", 9L, "offered", 7L),
                        List.of(List.of("screened", "interviewed", "offered")),
                        Set.of("interviewed"),
                        k -> false))
                .isEmpty();
    }

    @Test
    void aHiddenPartHidesTheSmallestOtherPartSoThatTheWholeTellsNothing() {
        Map<String, Long> counts = Map.of("api", 3L, "page", 12L, "tool", 7L, "all", 22L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("api", "page", "tool"), "all")), K))
                .containsExactlyInAnyOrder("api", "tool");
    }

    @Test
    void withOneOtherPartOnlyThatPartIsHidden() {
        Map<String, Long> counts = Map.of("api", 3L, "page", 12L, "all", 15L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("api", "page"), "all")), K))
                .containsExactlyInAnyOrder("api", "page");
    }

    @Test
    void aHiddenPartBesideZerosHidesTheWholeThatEqualsIt() {
        Map<String, Long> counts = Map.of("api", 3L, "page", 0L, "all", 3L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("api", "page"), "all")), K))
                .containsExactlyInAnyOrder("api", "all");
    }

    @Test
    void aHiddenWholeHidesItsSmallestPositivePart() {
        // the whole 4 is small, its parts are not: a part is hidden with it, or the sum would tell the whole
        Map<String, Long> counts = Map.of("in", 9L, "out", 5L, "whole", 4L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("in", "out"), "whole")), K))
                .containsExactlyInAnyOrder("whole", "out");
    }

    @Test
    void aTotalThatMattersLessIsHiddenInsteadOfAnotherPart() {
        Map<String, Long> counts = Map.of("backend", 10L, "designer", 2L, "all", 12L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("backend", "designer"), "all", true)), K))
                .containsExactlyInAnyOrder("designer", "all");
    }

    @Test
    void aHiddenTotalThatOtherCountsAddUpToHidesOneOfThemAfterAll() {
        // all received is hidden first, but given and refused would tell it: one of them goes, and then a vacancy
        Map<String, Long> counts = Map.of(
                "backend",
                10L,
                "designer",
                2L,
                "all",
                12L,
                "given",
                7L,
                "refused",
                5L,
                "backend.given",
                5L,
                "designer.given",
                2L);
        var hidden = SmallCells.suppressed(
                counts,
                List.of(
                        new Group<>(List.of("backend", "designer"), "all", true),
                        new Group<>(List.of("given", "refused"), "all"),
                        new Group<>(List.of("backend.given", "designer.given"), "given", true)),
                K);
        assertThat(hidden).contains("designer", "all", "refused", "designer.given");
        assertThat(hidden).doesNotContain("backend");
    }

    @Test
    void sumsThatShareCountsCannotTogetherTellAHiddenOne() {
        // the reviewer's month: per type, outcomes add up to closed; over types, each outcome adds up to its total.
        // Shown alone by the sums one at a time: all closed 12, all fulfilled 9, access closed 7, access fulfilled 5,
        // and zeros; then all (partly + nothing) = 3, access (partly + nothing) = 2, all nothing = access nothing,
        // so rectification's partly would be 1 exactly. The exact check hides more until nothing is fixed.
        Map<String, Long> counts = new java.util.HashMap<>(Map.of(
                "A.closed",
                7L,
                "A.ful",
                5L,
                "A.part",
                1L,
                "A.none",
                1L,
                "R.closed",
                4L,
                "R.ful",
                3L,
                "R.part",
                1L,
                "R.none",
                0L,
                "W.closed",
                1L,
                "W.ful",
                1L));
        counts.putAll(
                Map.of("W.part", 0L, "W.none", 0L, "all.closed", 12L, "all.ful", 9L, "all.part", 2L, "all.none", 1L));
        List<Group<String>> groups = List.of(
                new Group<>(List.of("A.ful", "A.part", "A.none"), "A.closed"),
                new Group<>(List.of("R.ful", "R.part", "R.none"), "R.closed"),
                new Group<>(List.of("W.ful", "W.part", "W.none"), "W.closed"),
                new Group<>(List.of("all.ful", "all.part", "all.none"), "all.closed"),
                new Group<>(List.of("A.closed", "R.closed", "W.closed"), "all.closed", true),
                new Group<>(List.of("A.ful", "R.ful", "W.ful"), "all.ful", true),
                new Group<>(List.of("A.part", "R.part", "W.part"), "all.part", true),
                new Group<>(List.of("A.none", "R.none", "W.none"), "all.none", true));
        var hidden = SmallCells.suppressed(counts, groups, K);
        assertThat(SmallCells.determined(groups, hidden)).isEmpty();
        assertThat(hidden).contains("A.part", "A.none", "R.part", "R.closed", "R.ful", "W.closed", "W.ful");
    }

    @Test
    void aCountTheReaderKnowsIsNeverTheOneHiddenToProtectAnother() {
        // received 20, purged 12, erased 1 (hidden), still kept 7: staff can count the 7, so purged must go
        Map<String, Long> counts = Map.of("received", 20L, "purged", 12L, "erased", 1L, "kept", 7L);
        var hidden = SmallCells.suppressed(
                counts, List.of(new Group<>(List.of("erased", "purged", "kept"), "received")), K, "kept"::equals);
        assertThat(hidden).containsExactlyInAnyOrder("erased", "purged");
    }

    @Test
    void theExactCheckFindsACountFixedBySeveralSums() {
        // a + b = 10 and a - c = 0 with c known: hiding a and b passes each sum alone, and together they fix nothing
        List<Group<String>> groups = List.of(new Group<>(List.of("a", "b"), "ab"), new Group<>(List.of("a"), "c"));
        assertThat(SmallCells.determined(groups, java.util.Set.of("a", "b"))).contains("a");
        assertThat(SmallCells.determined(List.of(new Group<>(List.of("a", "b"), "ab")), java.util.Set.of("a", "b")))
                .isEmpty();
    }

    @Test
    void inNoRandomTableWithTotalsOfRowsColumnsAndAllIsAHiddenCountFixedByTheShownOnes() {
        java.util.Random random = new java.util.Random(36);
        for (int round = 0; round < 300; round++) {
            int height = 2 + random.nextInt(3);
            int width = 2 + random.nextInt(3);
            Map<String, Long> counts = new java.util.HashMap<>();
            List<Group<String>> groups = new java.util.ArrayList<>();
            for (int r = 0; r < height; r++) {
                List<String> row = new java.util.ArrayList<>();
                for (int c = 0; c < width; c++) {
                    counts.put(r + "." + c, (long) (random.nextInt(4) == 0 ? 0 : random.nextInt(14)));
                    row.add(r + "." + c);
                }
                counts.put(r + ".all", row.stream().mapToLong(counts::get).sum());
                groups.add(new Group<>(row, r + ".all"));
            }
            for (int c = 0; c < width; c++) {
                List<String> column = new java.util.ArrayList<>();
                for (int r = 0; r < height; r++) {
                    column.add(r + "." + c);
                }
                counts.put("all." + c, column.stream().mapToLong(counts::get).sum());
                groups.add(new Group<>(column, "all." + c, random.nextBoolean()));
            }
            List<String> rowTotals = new java.util.ArrayList<>();
            for (int r = 0; r < height; r++) {
                rowTotals.add(r + ".all");
            }
            counts.put("all", rowTotals.stream().mapToLong(counts::get).sum());
            groups.add(new Group<>(rowTotals, "all", true));

            var hidden = SmallCells.suppressed(counts, groups, K);
            var worksOut = SmallCells.public_(counts, groups, key -> false, key -> false);
            assertThat(SmallCells.determined(groups, hidden, worksOut::contains, key -> false))
                    .as("round %d: %s hides %s", round, counts, hidden)
                    .isEmpty();
            int seen = round;
            counts.forEach((key, count) -> {
                if (count > 0 && count < K) {
                    assertThat(hidden).as("round %d", seen).contains(key);
                }
            });
        }
    }

    @Test
    void twoHiddenPartsNeedNothingMore() {
        Map<String, Long> counts = Map.of("a", 2L, "b", 3L, "c", 10L, "all", 15L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("a", "b", "c"), "all")), K))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void hidingCarriesOnThroughGroupsThatShareACount() {
        // rows: vacancy A by channel and vacancy B by channel; column: the channel totals over both vacancies
        Map<String, Long> counts = Map.of(
                "A.api", 3L, "A.page", 12L, "A", 15L, "B.api", 8L, "B.page", 9L, "B", 17L, "api", 11L, "page", 21L,
                "all", 32L);
        List<Group<String>> groups = List.of(
                new Group<>(List.of("A.api", "A.page"), "A"),
                new Group<>(List.of("B.api", "B.page"), "B"),
                new Group<>(List.of("A.api", "B.api"), "api"),
                new Group<>(List.of("A.page", "B.page"), "page"),
                new Group<>(List.of("A", "B"), "all"),
                new Group<>(List.of("api", "page"), "all"));
        var hidden = SmallCells.suppressed(counts, groups, K);
        assertThat(hidden).contains("A.api", "A.page", "B.api", "B.page");
        for (Group<String> group : groups) {
            long hiddenInGroup =
                    group.parts().stream().filter(hidden::contains).count() + (hidden.contains(group.whole()) ? 1 : 0);
            assertThat(hiddenInGroup).as("group %s", group).isNotEqualTo(1);
        }
    }

    @Test
    void aCountMissingFromTheTableIsZero() {
        Map<String, Long> counts = Map.of("api", 3L, "all", 3L);
        assertThat(SmallCells.suppressed(counts, List.of(new Group<>(List.of("api", "page"), "all")), K))
                .containsExactlyInAnyOrder("api", "all");
    }
}
