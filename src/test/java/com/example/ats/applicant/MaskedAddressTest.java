package com.example.ats.applicant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address a sign-in link's page shows: enough to recognise one's own, not enough to learn someone's. */
class MaskedAddressTest {

    @Test
    void showsTheFirstLetterAndTheDomainOnly() {
        assertThat(SignInByMail.masked("sanne.de.vries@example.org")).isEqualTo("s***@example.org");
        assertThat(SignInByMail.masked("a@b.nl")).isEqualTo("a***@b.nl");
    }

    @Test
    void somethingThatIsNoAddressShowsNothing() {
        assertThat(SignInByMail.masked("@example.org")).isEqualTo("***");
        assertThat(SignInByMail.masked("no-at-sign")).isEqualTo("***");
    }
}
