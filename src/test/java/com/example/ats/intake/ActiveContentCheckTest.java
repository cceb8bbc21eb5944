package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.ats.document.DocumentFormat;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What counts as active content in each format, on files written the way their tools (or attackers) write them. */
class ActiveContentCheckTest {

    private static Optional<String> find(byte[] file, DocumentFormat format) {
        return ActiveContentCheck.find(SampleFiles.write(file), format);
    }

    @Test
    void pdfScriptsAndLaunchActionsAreFoundInCompressedObjectStreams() {
        byte[] script = RiskyDocuments.pdfWithJavaScript();
        byte[] launch = RiskyDocuments.pdfWithLaunchAction();
        // PDFBox 3 saves objects into compressed object streams: the script is not in the bytes as text
        assertThat(new String(script, StandardCharsets.ISO_8859_1))
                .contains("/ObjStm")
                .doesNotContain("/JS");
        assertThat(new String(launch, StandardCharsets.ISO_8859_1))
                .contains("/ObjStm")
                .doesNotContain("/Launch");

        assertThat(find(script, DocumentFormat.PDF)).contains("JavaScript");
        assertThat(find(launch, DocumentFormat.PDF)).contains("a launch action");
    }

    @Test
    void escapedNamesIndirectActionsAttachmentsXfaAndRemoteGoTosAreFoundEachOnItsOwn() {
        for (Map.Entry<String, byte[]> pdf : RiskyDocuments.handWrittenPdfs()) {
            assertThat(find(pdf.getValue(), DocumentFormat.PDF))
                    .as(new String(pdf.getValue(), StandardCharsets.ISO_8859_1))
                    .contains(pdf.getKey());
        }
    }

    @Test
    void plainPdfsPass() {
        assertThat(find(RiskyDocuments.cleanPdfByPdfBox(), DocumentFormat.PDF)).isEmpty();
        assertThat(find(SampleFiles.pdf(), DocumentFormat.PDF)).isEmpty();
    }

    @Test
    void aPdfThatCannotBeReadCannotBeChecked() {
        assertThat(find("%PDF-1.7\n\u0000\u0001garbage".getBytes(StandardCharsets.ISO_8859_1), DocumentFormat.PDF))
                .contains("a structure that cannot be read as a PDF");
    }

    @Test
    void rtfEmbeddedObjectsRemoteTemplatesAndDdeFieldsAreFoundButTheWordsAsTextAreNot() {
        assertThat(find(RiskyDocuments.rtfWithObject(), DocumentFormat.RTF)).contains("an embedded object");
        assertThat(find(RiskyDocuments.rtfWithRemoteTemplate(), DocumentFormat.RTF))
                .contains("a template fetched from elsewhere");
        assertThat(find(RiskyDocuments.rtfWithDdeField(), DocumentFormat.RTF)).contains(FieldCodes.FOUND);
        assertThat(find(RiskyDocuments.rtfWithHyperlinkField(), DocumentFormat.RTF))
                .isEmpty();
        assertThat(find(RiskyDocuments.rtfMentioningObjectAsText(), DocumentFormat.RTF))
                .isEmpty();
        assertThat(find(SampleFiles.rtf(), DocumentFormat.RTF)).isEmpty();
    }

    @Test
    void wordRemoteTemplatesEmbeddedObjectsAndSplitDdeFieldsAreFoundButHyperlinksPass() {
        assertThat(find(RiskyDocuments.docxWithRemoteTemplate(), DocumentFormat.DOCX))
                .contains("a link to a template or object outside the file");
        assertThat(find(RiskyDocuments.docxWithEmbeddedObject(), DocumentFormat.DOCX))
                .contains("an embedded object");
        assertThat(find(RiskyDocuments.docxWithSplitDdeField(), DocumentFormat.DOCX))
                .contains(FieldCodes.FOUND);
        assertThat(find(RiskyDocuments.docxWithHyperlink(), DocumentFormat.DOCX))
                .isEmpty();
        assertThat(find(RiskyDocuments.docxWithHyperlinkField(), DocumentFormat.DOCX))
                .isEmpty();
        assertThat(find(SampleFiles.docx(), DocumentFormat.DOCX)).isEmpty();
    }

    @Test
    void embeddedObjectsInOpenDocumentAndBinaryWordAreFound() {
        assertThat(find(RiskyDocuments.odtWithEmbeddedObject(), DocumentFormat.ODT))
                .contains("an embedded object or content from elsewhere");
        assertThat(find(SampleFiles.odt(), DocumentFormat.ODT)).isEmpty();
        assertThat(find(RiskyDocuments.docWithObjectPool(), DocumentFormat.DOC)).contains("an embedded object");
        assertThat(find(SampleFiles.doc(), DocumentFormat.DOC)).isEmpty();
    }
}
