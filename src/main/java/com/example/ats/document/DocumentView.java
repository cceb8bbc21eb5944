package com.example.ats.document;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored file's metadata, as staff and the applicant see it. */
@Schema(name = "ApplicationDocument")
public record DocumentView(
        UUID id, DocumentKind kind, String fileName, String mediaType, long size, String sha256, Instant storedAt) {

    public static DocumentView of(Document document) {
        return new DocumentView(
                document.id,
                document.kind,
                document.fileName,
                document.mediaType,
                document.sizeBytes,
                document.sha256,
                document.createdAt);
    }
}
