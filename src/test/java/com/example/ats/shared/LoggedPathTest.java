package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A path written to the log never carries a live link token (a consent link's or a sign-in link's). */
class LoggedPathTest {

    @Test
    void linkTokensAreMasked() {
        assertThat(ProblemMapper.masked("/consent/abcDEF123")).isEqualTo("/consent/***");
        assertThat(ProblemMapper.masked("/my-application/link/abc-DEF_123")).isEqualTo("/my-application/link/***");
        assertThat(ProblemMapper.masked("/My-Application/Link/abc")).isEqualTo("/My-Application/Link/***");
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        assertThat(ProblemMapper.masked("/my-application/export")).isEqualTo("/my-application/export");
        assertThat(ProblemMapper.masked("/api/v1/applications/42")).isEqualTo("/api/v1/applications/42");
    }
}
