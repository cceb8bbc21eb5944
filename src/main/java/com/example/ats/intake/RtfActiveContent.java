package com.example.ats.intake;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What in an RTF acts when it is opened, read by control words the way an RTF reader does ({@code \\} is a literal
 * backslash, not the start of one): {@code \obj...} embeds an object, {@code \template} names a template Word fetches,
 * and a field instruction ({@code \fldinst}) may run DDE or fetch a file ({@link FieldCodes}).
 */
final class RtfActiveContent {

    /** How far a field instruction is read: far more than a real one needs. */
    private static final int FIELD_INSTRUCTION = 1024;

    private RtfActiveContent() {}

    static Optional<String> find(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int c = in.read();
            while (c != -1) {
                if (c != '\\') {
                    c = in.read();
                    continue;
                }
                c = in.read();
                if (c == '\\' || !isLetter(c)) {
                    c = c == -1 ? -1 : in.read();
                    continue;
                }
                StringBuilder word = new StringBuilder();
                while (isLetter(c) && word.length() < 32) {
                    word.append((char) c);
                    c = in.read();
                }
                String name = word.toString();
                if (name.startsWith("obj")) {
                    return Optional.of("an embedded object");
                }
                if (name.equals("template")) {
                    return Optional.of("a template fetched from elsewhere");
                }
                if (name.equals("fldinst") && FieldCodes.active(instruction(in))) {
                    return Optional.of(FieldCodes.FOUND);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read an uploaded file", e);
        }
    }

    /** The text of a field instruction ahead, without control words and braces; the stream is left where it was. */
    private static String instruction(InputStream in) throws IOException {
        in.mark(FIELD_INSTRUCTION + 1);
        byte[] ahead = in.readNBytes(FIELD_INSTRUCTION);
        in.reset();
        return new String(ahead, StandardCharsets.ISO_8859_1)
                .replaceAll("\\\\[a-zA-Z]+-?\\d* ?", " ")
                .replaceAll("[{}\\\\]", "");
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
