package com.example.ats.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Small but real files of each format, and impostors, written to temporary files. */
public final class SampleFiles {

    private SampleFiles() {}

    /** A Word document's body, with its namespace declared as Word writes it. */
    public static final String DOCUMENT_XML =
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>CV</w:t></w:r></w:p></w:body>"
                    + "</w:document>";

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
                        + "trailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] rtf() {
        return "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Arial;}} Motivatie: ik wil graag bij jullie werken.}"
                .getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] txt() {
        return "Curriculum vitae\n\nErvaring: 5 jaar Java.\nOpleiding: HBO Informatica.\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] docx() {
        return zip(
                new Entry(
                        "[Content_Types].xml",
                        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                                + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
                new Entry("_rels/.rels", "<Relationships/>"),
                new Entry("word/document.xml", DOCUMENT_XML));
    }

    public static byte[] docm() {
        return zip(
                new Entry(
                        "[Content_Types].xml",
                        "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                                + "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"),
                new Entry("word/document.xml", "<w:document/>"),
                new Entry("word/vbaProject.bin", "macro"));
    }

    public static byte[] odt() {
        return zip(
                new Entry("mimetype", "application/vnd.oasis.opendocument.text"),
                new Entry("META-INF/manifest.xml", "<manifest/>"),
                new Entry(
                        "content.xml",
                        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\">"
                                + "CV</office:document-content>"));
    }

    public static byte[] plainZip() {
        return zip(new Entry("notes.txt", "just a zip"));
    }

    public static byte[] doc() {
        try (POIFSFileSystem ole = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ole.createDocument(new java.io.ByteArrayInputStream(new byte[4096]), "WordDocument");
            ole.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Windows executable's header: what a "cv.pdf" from an attacker may really be. */
    public static byte[] exe() {
        byte[] bytes = new byte[1024];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }

    public static byte[] elf() {
        byte[] bytes = new byte[512];
        bytes[0] = 0x7f;
        bytes[1] = 'E';
        bytes[2] = 'L';
        bytes[3] = 'F';
        bytes[4] = 2;
        bytes[5] = 1;
        bytes[6] = 1;
        return bytes;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><head><script>alert(1)</script></head><body>CV</body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] png() {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    }

    public static Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile("ats-sample", ".bin");
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file of exactly {@code size} bytes, written in blocks. */
    public static Path text(long size) {
        try {
            Path file = Files.createTempFile("ats-large", ".txt");
            file.toFile().deleteOnExit();
            byte[] line =
                    "Ervaring met Java, Quarkus en PostgreSQL. ".repeat(100).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(file)) {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(left, line.length);
                    out.write(line, 0, n);
                    left -= n;
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Entry(String name, String content) {}

    /** ODF wants its "mimetype" entry first and stored uncompressed; the others do not care. */
    private static byte[] zip(Entry... entries) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Entry entry : entries) {
                byte[] data = entry.content().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.name());
                if (entry.name().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(data.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(data);
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
