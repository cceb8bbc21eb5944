package com.example.ats.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DOCX that would cost the checker without bound is refused at a bound: one with 100,000 empty entries by their
 * count, one whose document part unpacks to a gigabyte by the bytes read (64 MiB at most), each under its size limit.
 */
class OfficeBombTest {

    @Test
    void aDocxOfAHundredThousandEmptyEntriesIsRefusedByTheirCount(@TempDir Path folder) throws IOException {
        Path docx = folder.resolve("many.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            for (int i = 0; i < 100_000; i++) {
                ZipEntry entry = new ZipEntry(Integer.toString(i, 36)); // stored and empty: 90 bytes or so each
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(0);
                zip.putNextEntry(entry);
                zip.closeEntry();
            }
        }
        assertThat(Files.size(docx)).isLessThan(10L * 1024 * 1024); // within the file limit

        assertThat(OfficeActiveContent.docx(docx)).contains("more parts than a document needs (it cannot be checked)");
    }

    @Test
    void aDocxWhosePartUnpacksToAGigabyteIsRefusedAfterABoundedRead(@TempDir Path folder) throws IOException {
        Path docx = folder.resolve("bomb.docx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(docx))) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            OutputStream part = zip;
            part.write("<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body>"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' '); // whitespace is well-formed content: only the budget stops the read
            for (int i = 0; i < 1024; i++) {
                part.write(spaces);
            }
            part.write("</w:body></w:document>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertThat(Files.size(docx)).isLessThan(10L * 1024 * 1024);

        assertThat(OfficeActiveContent.docx(docx))
                .contains("more content than a document needs (it cannot be checked)");
    }
}
