package com.example.ats.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFirstNameTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Anna",
                "Anne-Marie",
                "D'Angelo",
                "José",
                "Jan Willem",
                "Maria del Carmen",
                "Zoë",
                "Ørjan",
                "Łukasz",
                "Müller’s"
            })
    void aNameOfLettersIsUsed(String name) {
        assertThat(SafeFirstName.of(name)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "example.com",
                "Win at example.com",
                "http://evil.example",
                "anna@example.org",
                "J.P.",
                "Anna 2",
                "Anna  Maria",
                "-Anna",
                "Anna-",
                "<b>Anna</b>",
                "Anna\nBcc",
                "paypal\uA4F8com",
                "Reset your password now",
                "ｅｘａｍｐｌｅ．ｃｏｍ",
                "Call 0612345678",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void anythingThatCouldReadAsAnAddressOrALinkIsNot(String name) {
        assertThat(SafeFirstName.of(name)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noNameIsNoName(String name) {
        assertThat(SafeFirstName.of(name)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void surroundingSpaceIsDropped() {
        assertThat(SafeFirstName.of("  Anna ")).contains("Anna");
    }

    @org.junit.jupiter.api.Test
    void fortyLettersAtMost() {
        assertThat(SafeFirstName.of("A" + "a".repeat(39))).contains("A" + "a".repeat(39));
        assertThat(SafeFirstName.of("A" + "a".repeat(40))).isEmpty();
    }
}
