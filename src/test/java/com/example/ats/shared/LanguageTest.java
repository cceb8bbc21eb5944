package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for the language an applicant reads: a choice, else the browser's preference, else Dutch. */
class LanguageTest {

    private static final Locale DUTCH = Locale.of("nl");

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB,en;q=0.9", "de, en;q=0.5", "EN-us", "en;q=0.9, nl;q=0.1", "fr, en-GB;q=0.3"})
    void picksEnglishWhenItIsTheFavouriteOfTheTwo(String acceptLanguage) {
        assertThat(Language.preferred(acceptLanguage).locale()).isEqualTo(Locale.ENGLISH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "nl",
                "nl-NL",
                "nl-BE, en;q=0.8",
                "en;q=0.1, nl;q=0.9",
                "fr", // neither: the company's language
                "de-DE, fr;q=0.5",
                "en;q=0", // English explicitly not acceptable
                "*",
                "",
                "   ",
                "en;q=abc", // malformed
                "!!!"
            })
    void picksDutchWhenPreferredOrWhenInDoubt(String acceptLanguage) {
        assertThat(Language.preferred(acceptLanguage).locale()).isEqualTo(DUTCH);
    }

    @Test
    void picksDutchWithoutAHeader() {
        assertThat(Language.preferred(null).locale()).isEqualTo(DUTCH);
    }

    @Test
    void anExplicitChoiceWinsOverTheBrowser() {
        assertThat(Language.of("en", "nl-NL")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of("nl", "en-GB")).isEqualTo(Language.DUTCH);
        assertThat(Language.of("de", "en-GB")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of(null, null)).isEqualTo(Language.DUTCH);
    }

    @Test
    void aStoredCodeIsEnglishOnlyWhenItSaysSo() {
        assertThat(Language.of("en")).isEqualTo(Language.ENGLISH);
        assertThat(Language.of((String) null)).isEqualTo(Language.DUTCH);
        assertThat(Language.of("EN")).isEqualTo(Language.DUTCH);
        assertThat(Language.of(Locale.ENGLISH).code()).isEqualTo("en");
        assertThat(Language.of(Locale.GERMAN).code()).isEqualTo("nl");
    }
}
