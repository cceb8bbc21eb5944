package com.example.ats.shared;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Dutch citizen service numbers (BSN): nine digits, optionally grouped by spaces, dots or dashes, that pass
 * the 11-test ({@code 9·d1 + 8·d2 + … + 2·d8 − 1·d9} divisible by 11). Longer digit runs (phone numbers, IBANs)
 * are not BSNs. The text is read as a person reads it: digits of any script (full-width, Arabic-Indic, ...) count as
 * digits, any space (non-breaking, thin) as a space, any dash as a dash, and invisible characters (zero-width
 * spaces, soft hyphens) not at all.
 */
public final class Bsn {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<!\\d)(?<!\\d[ .\\-])\\d(?:[ .\\-]?\\d){8}(?!\\d)(?![ .\\-]\\d)");

    private Bsn() {}

    /** Whether some nine-digit group in the text passes the 11-test. */
    public static boolean containsOne(String text) {
        Matcher matcher = CANDIDATE.matcher(asRead(text));
        while (matcher.find()) {
            if (isValid(matcher.group().replaceAll("[ .\\-]", ""))) {
                return true;
            }
        }
        return false;
    }

    /** The text with look-alike digits, spaces and dashes made plain and invisible characters left out. */
    static String asRead(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder read = new StringBuilder(compatible.length());
        compatible.codePoints().forEach(c -> {
            if (Character.isDigit(c)) {
                read.append((char) ('0' + Character.digit(c, 10)));
            } else if (Character.isSpaceChar(c)) {
                read.append(' ');
            } else if (Character.getType(c) == Character.DASH_PUNCTUATION) {
                read.append('-');
            } else if (Character.getType(c) != Character.FORMAT) {
                read.appendCodePoint(c);
            }
        });
        return read.toString();
    }

    /** The 11-test on exactly nine digits (0-9); all zeros is not a number anyone has. */
    public static boolean isValid(String nineDigits) {
        if (nineDigits.length() != 9
                || !nineDigits.chars().allMatch(c -> c >= '0' && c <= '9')
                || nineDigits.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nineDigits.charAt(i) - '0');
        }
        sum -= nineDigits.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
