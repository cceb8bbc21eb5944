package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.document.DocumentFormat;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitise("C:\\Users\\sanne\\cv.pdf", DocumentFormat.PDF, "cv"))
                .isEqualTo("cv.pdf");
        assertThat(FileNames.sanitise("../../etc/passwd", DocumentFormat.TXT, "cv"))
                .isEqualTo("passwd.txt");
    }

    @Test
    void replacesControlAndReservedCharacters() {
        assertThat(FileNames.sanitise("my\u0000cv\r\n\"final\";.pdf", DocumentFormat.PDF, "cv"))
                .isEqualTo("my_cv___final__.pdf");
    }

    @Test
    void dropsLeadingDotsSoNothingHides() {
        assertThat(FileNames.sanitise("..hidden.pdf", DocumentFormat.PDF, "cv")).isEqualTo("hidden.pdf");
    }

    @Test
    void fallsBackToTheKindAndTheDetectedFormat() {
        assertThat(FileNames.sanitise(null, DocumentFormat.DOCX, "cv")).isEqualTo("cv.docx");
        assertThat(FileNames.sanitise("  ", DocumentFormat.PDF, "motivation_letter"))
                .isEqualTo("motivation_letter.pdf");
        assertThat(FileNames.sanitise("\"\"", DocumentFormat.PDF, "cv")).isEqualTo("cv.pdf");
    }

    @Test
    void theStoredNameEndsInTheExtensionOfTheDetectedFormat() {
        assertThat(FileNames.sanitise("CV.js", DocumentFormat.TXT, "cv")).isEqualTo("CV.js.txt");
        assertThat(FileNames.sanitise("cv.exe", DocumentFormat.PDF, "cv")).isEqualTo("cv.exe.pdf");
        assertThat(FileNames.sanitise("Letter.DOCX", DocumentFormat.DOCX, "cv")).isEqualTo("Letter.DOCX");
        assertThat(FileNames.sanitise("cv", DocumentFormat.ODT, "cv")).isEqualTo("cv.odt");
        String longJs = FileNames.sanitise("a".repeat(400) + ".js", DocumentFormat.TXT, "cv");
        assertThat(longJs).hasSize(255).endsWith(".txt");
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("a".repeat(400) + ".pdf", DocumentFormat.PDF, "cv");
        assertThat(name).hasSize(255).endsWith("a.pdf");
    }

    @Test
    void keepsLettersOfEveryScript() {
        assertThat(FileNames.sanitise("Zoë Çelik – CV.pdf", DocumentFormat.PDF, "cv"))
                .isEqualTo("Zoë Çelik – CV.pdf");
    }

    /** At the limit a name stays whole; one over, it is cut to the limit, its extension kept as written. */
    @Test
    void theLimitIsTwoHundredFiftyFiveCharacters() {
        String exact = "a".repeat(251) + ".pdf";
        assertThat(FileNames.sanitise(exact, DocumentFormat.PDF, "cv")).isEqualTo(exact);
        String over = "b".repeat(252) + ".PDF";
        assertThat(FileNames.sanitise(over, DocumentFormat.PDF, "cv")).isEqualTo("b".repeat(251) + ".PDF");
        assertThat(FileNames.sanitise("c".repeat(300) + ".123456789", DocumentFormat.TXT, "cv"))
                .isEqualTo("c".repeat(251) + ".txt");
    }
}
