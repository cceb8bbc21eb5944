package com.example.ats.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 of files (read in small blocks, never whole) and of a whole intake request, for idempotency. */
final class Fingerprint {

    private Fingerprint() {}

    static String sha256(Path file) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
    }

    /** The JSON part as sent, and each file's part, name and content hash: equal requests, equal fingerprints. */
    static String of(String formJson, List<PreparedFile> files) {
        MessageDigest digest = sha256();
        digest.update(formJson.getBytes(StandardCharsets.UTF_8));
        for (PreparedFile file : files) {
            String line = "\n" + file.incoming().part() + "\n" + file.fileName() + "\n" + file.sha256();
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
