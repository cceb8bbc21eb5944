package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void readsStrongAndWeakTags() {
        assertThat(ETags.requireMatch("\"7\"").versions()).containsExactly(7L);
        assertThat(ETags.requireMatch("W/\"7\"").versions()).containsExactly(7L);
    }

    @Test
    void missingIs428AndForeignIs412() {
        assertThatThrownBy(() -> ETags.requireMatch(null))
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_REQUIRED);
        assertThatThrownBy(() -> ETags.requireMatch("\"abc\"").check(0))
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
    }

    @Test
    void ifMatchStarMatchesAnyCurrentVersionAsRfc9110Says() {
        ETags.IfMatch any = ETags.requireMatch(" * ");
        assertThatCode(() -> any.check(0)).doesNotThrowAnyException();
        assertThatCode(() -> any.check(42)).doesNotThrowAnyException();
    }

    @Test
    void aListMatchesWhenOneOfItsTagsIsTheCurrentVersion() {
        ETags.IfMatch list = ETags.requireMatch("\"3\", \"abc\", W/\"5\"");
        assertThatCode(() -> list.check(5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> list.check(4))
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
    }

    @Test
    void ourTagIsTheVersionQuotedAndOnlyWellFormedTagsAreRead() {
        assertThat(ETags.of(3).getValue()).isEqualTo("3");
        assertThat(ETags.of(3).isWeak()).isFalse();
        assertThat(ETags.requireMatch("\"7\", W/\"8\", 9").versions()).containsExactlyInAnyOrder(7L, 8L, 9L);
        for (String broken : new String[] {
            "\"", "\"\"", "\"7", "7\"", "W/", "\"-1\"", "\"+5\"", "\"1e3\"", "\"99999999999999999999\""
        }) {
            assertThat(ETags.requireMatch(broken).versions()).as(broken).isEmpty();
        }
    }
}
