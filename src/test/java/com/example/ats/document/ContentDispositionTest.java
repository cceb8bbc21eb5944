package com.example.ats.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void givesAnAsciiFallbackAndTheExactNameInUtf8() {
        assertThat(ContentDisposition.attachment("Curriculum vitae é.pdf"))
                .isEqualTo("attachment; filename=\"Curriculum vitae _.pdf\";"
                        + " filename*=UTF-8''Curriculum%20vitae%20%C3%A9.pdf");
    }

    @Test
    void neutralisesQuotesAndSeparatorsInTheFallback() {
        assertThat(ContentDisposition.attachment("a\"b;c\\d.txt")).startsWith("attachment; filename=\"a_b_c_d.txt\";");
    }

    @Test
    void printableAsciiIsKeptFromTheSpaceToTheTildeAndNothingAround() {
        assertThat(ContentDisposition.attachment(" ~.pdf")).startsWith("attachment; filename=\" ~.pdf\"");
        assertThat(ContentDisposition.attachment("a\u001fb\u007fc.pdf"))
                .startsWith("attachment; filename=\"a_b_c.pdf\"");
    }
}
