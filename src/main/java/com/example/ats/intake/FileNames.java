package com.example.ats.intake;

import com.example.ats.document.DocumentFormat;
import java.text.Normalizer;
import java.util.Locale;

/** Makes a client's file name safe to keep and to send back in Content-Disposition. Metadata only, never a key. */
public final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {}

    /**
     * The last path segment, NFC-normalised, with control and reserved characters replaced by '_', at most
     * {@value #MAX_LENGTH} characters (the extension kept), ending in the extension of the detected format (added
     * when the client's name says otherwise); a fallback from the detected format when nothing is left.
     */
    public static String sanitise(String original, DocumentFormat format, String fallbackStem) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(isUnsafe(c) ? '_' : c));
        name = safe.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank() || name.chars().allMatch(c -> c == '_')) {
            name = fallbackStem + "." + format.extension();
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith("." + format.extension())) {
            // the name tells the truth about the bytes: a text file called CV.js is kept and served as CV.js.txt
            name = name + "." + format.extension();
        }
        return shorten(name, name.substring(name.length() - format.extension().length() - 1));
    }

    private static boolean isUnsafe(int c) {
        return Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                || "\"*:<>?|;".indexOf(c) >= 0;
    }

    /** Cuts a long name to the limit, keeping its extension (the format's, which every name ends with by now). */
    private static String shorten(String name, String extension) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int keep = MAX_LENGTH - extension.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)) + extension;
    }
}
