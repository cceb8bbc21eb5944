package com.example.ats.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.statistics.SmallCells.Group;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallCellsTest {

    private static final int K = 5;

    @Test
    void countsOfOneToFourAreHiddenZeroAndFiveAreShown() {
        Map<String, Long> counts = Map.of("zero", 0L, "one", 1L, "four", 4L, "five", 5L, "many", 120L);
        assertThat(SmallCells.suppressed(counts, List.of(), K)).containsExactlyInAnyOrder("one", "four");
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
