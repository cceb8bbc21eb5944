package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ETagsTest {

    @Test
    void readsStrongAndWeakTags() {
        assertThat(ETags.requireVersion("\"7\"")).isEqualTo(7);
        assertThat(ETags.requireVersion("W/\"7\"")).isEqualTo(7);
    }

    @Test
    void missingIs428AndForeignIs412() {
        assertThatThrownBy(() -> ETags.requireVersion(null))
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_REQUIRED);
        assertThatThrownBy(() -> ETags.requireVersion("\"abc\""))
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo(ProblemType.PRECONDITION_FAILED);
    }
}
