package com.example.ats.intake;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A file part as received: a local copy for the checks that read the whole file (format, active content, malware),
 * its size and SHA-256, and, when it was streamed to the store while it arrived, the object it went to.
 *
 * @param stored the object a streamed part went to; null when the part waits in a spooled file to be stored
 */
public record IncomingFile(String part, Path path, String clientFileName, long size, String sha256, Stored stored) {

    /** The object a streamed part went to, under the key of its document. */
    public record Stored(UUID documentId, String key) {}

    /** A part the HTTP layer spooled to a temporary file (the applicant's page): stored only after its checks. */
    public static IncomingFile spooled(String part, Path path, String clientFileName) {
        return new IncomingFile(part, path, clientFileName, Fingerprint.size(path), Fingerprint.sha256(path), null);
    }
}
