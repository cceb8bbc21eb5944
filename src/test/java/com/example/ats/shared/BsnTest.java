package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    /** Nine digits passing the 11-test, written the ways people write them. */
    @ParameterizedTest
    @ValueSource(strings = {"111222333", "1112.22.333", "111 222 333", "111-222-333", "BSN: 111222333.", "123456782"})
    void findsACitizenServiceNumber(String text) {
        assertThat(Bsn.containsOne(text)).isTrue();
    }

    /** The same number in other characters that read as digits and spaces: the check sees what a reader sees. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uFF11\uFF11\uFF11\uFF12\uFF12\uFF12\uFF13\uFF13\uFF13", // full-width digits
                "111\u00A0222\u00A0333", // non-breaking spaces
                "111\u2009222\u2009333", // thin spaces
                "111\u202F222\u202F333", // narrow non-breaking spaces
                "111\u2013222\u2013333", // en dashes
                "111\u200B222\u200B333", // zero-width spaces
                "1112\u00AD22333", // a soft hyphen
                "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0662" // Arabic-Indic digits of 123456782
            })
    void findsACitizenServiceNumberWrittenInLookAlikeCharacters(String text) {
        assertThat(Bsn.containsOne(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\uFF10\uFF16\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18", // full-width mobile: ten digits
                "111\u00A0222\u00A0334", // fails the 11-test
                "111222334", // fails the 11-test
                "000000000",
                "0612345678", // a mobile number: ten digits
                "+31 6 1234 5678",
                "+31612345678",
                "NL91ABNA0417164300", // an IBAN
                "1234567820", // ten digits containing a valid nine
                "3511 AB",
                "12a",
                "111x222x333" // letters between the groups: not written as one number
            })
    void leavesOtherNumbersAlone(String text) {
        assertThat(Bsn.containsOne(text)).isFalse();
    }

    /** The 11-test itself, on its edges: every digit counts, nothing else passes, whatever its checksum. */
    @Test
    void theElevenTestTakesExactlyNineDigits() {
        assertThat(Bsn.isValid("100000009")).as("a 0 and a 9 are digits").isTrue();
        assertThat(Bsn.isValid("111222333")).isTrue();
        assertThat(Bsn.isValid("11122233I")).as("'I' would pass the sum").isFalse();
        assertThat(Bsn.isValid("11122233>")).isFalse();
        assertThat(Bsn.isValid("/11222333")).isFalse();
        assertThat(Bsn.isValid("000000000")).isFalse();
        assertThat(Bsn.isValid("11122233")).isFalse();
        assertThat(Bsn.isValid("1112223330")).isFalse();
    }
}
