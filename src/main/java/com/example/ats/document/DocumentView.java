package com.example.ats.document;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored file's metadata, as staff and the applicant see it. */
@Schema(name = "ApplicationDocument")
public record DocumentView(
        UUID id,
        DocumentKind kind,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        Instant storedAt,

        @Schema(description = "The malware scan: staff can open the document only when it is CLEAN")
        Scan scan) {

    /** What the malware scanner said, with which signature database. */
    @Schema(name = "DocumentScan")
    public record Scan(
            ScanState state,

            @Schema(description = "The signature found, when INFECTED")
            String signature,

            @Schema(
                    description = "The scanner's engine and signature database version of the verdict",
                    example = "ClamAV 1.4.6/27845/Wed Nov 25 09:12:00 2026")
            String database,

            Instant scannedAt) {}

    public static DocumentView of(Document document) {
        return new DocumentView(
                document.id,
                document.kind,
                document.fileName,
                document.mediaType,
                document.sizeBytes,
                document.sha256,
                document.createdAt,
                new Scan(document.scanState, document.scanSignature, document.scanDatabase, document.scannedAt));
    }

    /**
     * The file as its applicant sees it: the scan's verdict and time, without the scanner's version or the name of
     * what it found (the staff's to know, for a decision about the file; to an applicant, a map of our defences).
     */
    public static DocumentView forApplicant(Document document) {
        DocumentView view = of(document);
        return new DocumentView(
                view.id(),
                view.kind(),
                view.fileName(),
                view.mediaType(),
                view.size(),
                view.sha256(),
                view.storedAt(),
                new Scan(view.scan().state(), null, null, view.scan().scannedAt()));
    }
}
