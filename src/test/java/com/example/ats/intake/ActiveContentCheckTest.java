package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as active content in each format, on files written the way their tools write them. */
class ActiveContentCheckTest {

    @Test
    void pdfScriptsAndLaunchActionsAreFoundAlsoInCompressedObjectStreamsAndEscapedNames() {
        assertThat(ActiveContentCheck.pdf(SampleFiles.write(RiskyDocuments.pdfWithJavaScript())))
                .contains("JavaScript");
        assertThat(ActiveContentCheck.pdf(SampleFiles.write(RiskyDocuments.pdfWithLaunchAction())))
                .contains("a launch action");
        assertThat(ActiveContentCheck.pdf(SampleFiles.write(RiskyDocuments.pdfWithEscapedJavaScriptName())))
                .contains("JavaScript");
    }

    @Test
    void plainPdfsPass() {
        assertThat(ActiveContentCheck.pdf(SampleFiles.write(RiskyDocuments.cleanPdfByPdfBox())))
                .isEmpty();
        assertThat(ActiveContentCheck.pdf(SampleFiles.write(SampleFiles.pdf()))).isEmpty();
    }

    @Test
    void aPdfThatCannotBeReadCannotBeChecked() {
        assertThat(ActiveContentCheck.pdf(SampleFiles.write("%PDF-1.7\n\u0000\u0001garbage".getBytes())))
                .contains("a structure that cannot be read as a PDF");
    }

    @Test
    void rtfEmbeddedObjectsAndRemoteTemplatesAreFoundButTheWordsAsTextAreNot() {
        assertThat(ActiveContentCheck.rtf(SampleFiles.write(RiskyDocuments.rtfWithObject())))
                .contains("an embedded object");
        assertThat(ActiveContentCheck.rtf(SampleFiles.write(RiskyDocuments.rtfWithRemoteTemplate())))
                .contains("a template fetched from elsewhere");
        assertThat(ActiveContentCheck.rtf(SampleFiles.write(RiskyDocuments.rtfMentioningObjectAsText())))
                .isEmpty();
        assertThat(ActiveContentCheck.rtf(SampleFiles.write(SampleFiles.rtf()))).isEmpty();
    }

    @Test
    void docxRemoteTemplatesAreFoundButHyperlinksPass() {
        assertThat(ActiveContentCheck.docx(SampleFiles.write(RiskyDocuments.docxWithRemoteTemplate())))
                .contains("a link to a template or object outside the file");
        assertThat(ActiveContentCheck.docx(SampleFiles.write(RiskyDocuments.docxWithHyperlink())))
                .isEmpty();
        assertThat(ActiveContentCheck.docx(SampleFiles.write(SampleFiles.docx())))
                .isEmpty();
    }
}
