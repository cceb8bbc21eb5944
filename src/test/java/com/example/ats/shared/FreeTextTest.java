package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person may type: the validator on its own, through the real Hibernate Validator. */
class FreeTextTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    record Line(@FreeText String text) {}

    record Paragraph(@FreeText(multiline = true) String text) {}

    @ParameterizedTest
    @ValueSource(
            strings = {"Sanne de Vries", "Zoë O'Brien-Ünal", "👩\u200D💻 developer", "3511 AB", "06 1234 5678", ""})
    void plainTextPassesOnOneLineAndInAParagraph(String text) {
        assertThat(VALIDATOR.validate(new Line(text))).isEmpty();
        assertThat(VALIDATOR.validate(new Paragraph(text))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nothingIsValid() {
        assertThat(VALIDATOR.validate(new Line(null))).isEmpty();
        assertThat(VALIDATOR.validate(new Paragraph(null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"first\nsecond", "first\r\nsecond", "a\tb"})
    void lineBreaksAndTabsOnlyInAParagraph(String text) {
        assertThat(messages(VALIDATOR.validate(new Line(text)))).containsExactly("must not contain control characters");
        assertThat(VALIDATOR.validate(new Paragraph(text))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a\u0000b", // NUL
                "a\u001Bb", // escape
                "a\u007Fb", // delete
                "a\u200Bb", // zero-width space (a format character)
                "a\u202Eb", // right-to-left override
                "a\u2028b", // line separator
                "a\u2029b", // paragraph separator
                "a\u0085b" // next line
            })
    void controlAndFormatCharactersNeither(String text) {
        assertThat(messages(VALIDATOR.validate(new Line(text)))).containsExactly("must not contain control characters");
        assertThat(messages(VALIDATOR.validate(new Paragraph(text))))
                .containsExactly("must not contain control characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my BSN is 111222333", "111 222 333"})
    void aCitizenServiceNumberNeverAndTheMessageDoesNotRepeatIt(String text) {
        for (Set<? extends ConstraintViolation<?>> violations :
                Set.of(VALIDATOR.validate(new Line(text)), VALIDATOR.validate(new Paragraph(text)))) {
            assertThat(messages(violations)).containsExactly("must not contain a citizen service number (BSN)");
        }
    }

    private static java.util.List<String> messages(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }
}
