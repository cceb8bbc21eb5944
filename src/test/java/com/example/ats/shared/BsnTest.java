package com.example.ats.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BsnTest {

    /** Nine digits passing the 11-test, written the ways people write them. */
    @ParameterizedTest
    @ValueSource(strings = {"111222333", "1112.22.333", "111 222 333", "111-222-333", "BSN: 111222333.", "123456782"})
    void findsACitizenServiceNumber(String text) {
        assertThat(Bsn.containsOne(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "111222334", // fails the 11-test
                "000000000",
                "0612345678", // a mobile number: ten digits
                "+31 6 1234 5678",
                "+31612345678",
                "NL91ABNA0417164300", // an IBAN
                "1234567820", // ten digits containing a valid nine
                "3511 AB",
                "12a"
            })
    void leavesOtherNumbersAlone(String text) {
        assertThat(Bsn.containsOne(text)).isFalse();
    }
}
