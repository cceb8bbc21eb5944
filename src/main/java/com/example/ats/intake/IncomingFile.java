package com.example.ats.intake;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A file part as received: a local copy for the checks that read the whole file (format, active content, malware),
 * its size and SHA-256, and, when it was streamed to the store while it arrived, the object it went to.
 *
 * @param stored the object the part went to while it arrived
 */
public record IncomingFile(String part, Path path, String clientFileName, long size, String sha256, Stored stored) {

    /** The object a streamed part went to, under the key of its document; encrypted with the application's key. */
    public record Stored(UUID documentId, String key, boolean encrypted) {}
}
