package com.example.ats.scan;

import com.example.ats.intake.SampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The stack's real clamd, stopped and started through bin/stack, and the EICAR test file it detects. */
public final class Clamd {

    private Clamd() {}

    /** The EICAR anti-virus test file: harmless, detected by every scanner as malware. */
    public static byte[] eicar() {
        return "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A Word document (DOCX) that carries the EICAR file as one of its parts. */
    public static byte[] docxWithEicar() {
        return wordDocumentWith("word/media/image1.bin", eicar());
    }

    /**
     * A Word document carrying a ZIP archive marked encrypted: clamd cannot look inside, and says so
     * (Heuristics.Encrypted.Zip) because the stack's clamd.conf asks it to.
     */
    public static byte[] docxWithEncryptedArchive() {
        try (ByteArrayOutputStream inner = new ByteArrayOutputStream();
                ZipOutputStream archive = new ZipOutputStream(inner)) {
            put(archive, "payload.exe", "not really a program".repeat(50).getBytes(StandardCharsets.US_ASCII));
            archive.finish();
            byte[] encrypted = inner.toByteArray();
            encrypted[6] |= 1; // general purpose flag, bit 0: encrypted (local header) ...
            for (int i = encrypted.length - 22; i >= 0; i--) {
                if (encrypted[i] == 'P' && encrypted[i + 1] == 'K' && encrypted[i + 2] == 1 && encrypted[i + 3] == 2) {
                    encrypted[i + 8] |= 1; // ... and in the central directory
                    break;
                }
            }
            return wordDocumentWith("word/media/archive.zip", encrypted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Word document (DOCX) with one more part. */
    private static byte[] wordDocumentWith(String part, byte[] content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(
                    zip,
                    "[Content_Types].xml",
                    ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                                    + "package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType="
                                    + "\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                                    + "</Types>")
                            .getBytes(StandardCharsets.UTF_8));
            put(zip, "_rels/.rels", "<Relationships/>".getBytes(StandardCharsets.UTF_8));
            put(zip, "word/document.xml", SampleFiles.DOCUMENT_XML.getBytes(StandardCharsets.UTF_8));
            put(zip, part, content);
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    public static void stop() {
        stack("stop");
    }

    public static void start() {
        stack("start");
    }

    private static void stack(String action) {
        try {
            Process process = new ProcessBuilder("bin/stack", "scanner", action)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/stack scanner " + action + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
