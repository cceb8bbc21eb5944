package com.example.ats.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a stored file to a client while computing its SHA-256, holding back the last chunk until the digest and
 * the length match what intake recorded. On a mismatch the last chunk is never sent and the copy fails, so the client
 * sees a response shorter than its Content-Length (a broken download), never a silently corrupted file.
 */
public final class VerifiedCopy {

    static final int CHUNK = 64 * 1024;

    /** The stored bytes are not the ones intake recorded. */
    public static final class IntegrityException extends IOException {
        IntegrityException(String message) {
            super(message);
        }
    }

    private VerifiedCopy() {}

    public static void copy(InputStream in, OutputStream out, long expectedSize, String expectedSha256)
            throws IOException {
        MessageDigest digest = sha256();
        byte[] pending = new byte[CHUNK];
        byte[] reading = new byte[CHUNK];
        int pendingLength = 0;
        long total = 0;
        int read;
        while ((read = in.readNBytes(reading, 0, CHUNK)) > 0) {
            if (pendingLength > 0) {
                out.write(pending, 0, pendingLength);
            }
            digest.update(reading, 0, read);
            total += read;
            byte[] swap = pending;
            pending = reading;
            reading = swap;
            pendingLength = read;
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (total != expectedSize || !actual.equalsIgnoreCase(expectedSha256)) {
            throw new IntegrityException("stored bytes differ from intake: " + total + " bytes, expected "
                    + expectedSize + "; SHA-256 " + (actual.equalsIgnoreCase(expectedSha256) ? "matches" : "differs"));
        }
        if (pendingLength > 0) {
            out.write(pending, 0, pendingLength);
        }
        out.flush();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
