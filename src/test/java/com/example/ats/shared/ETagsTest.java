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
}
