package com.example.ats.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Dutch citizen service numbers (BSN): nine digits, optionally grouped by spaces, dots or dashes, that pass
 * the 11-test ({@code 9·d1 + 8·d2 + … + 2·d8 − 1·d9} divisible by 11). Longer digit runs (phone numbers, IBANs)
 * are not BSNs.
 */
public final class Bsn {

    private static final Pattern CANDIDATE =
            Pattern.compile("(?<!\\d)(?<!\\d[ .\\-])\\d(?:[ .\\-]?\\d){8}(?!\\d)(?![ .\\-]\\d)");

    private Bsn() {}

    /** Whether some nine-digit group in the text passes the 11-test. */
    public static boolean containsOne(String text) {
        Matcher matcher = CANDIDATE.matcher(text);
        while (matcher.find()) {
            if (isValid(matcher.group().replaceAll("[ .\\-]", ""))) {
                return true;
            }
        }
        return false;
    }

    /** The 11-test on exactly nine digits; all zeros is not a number anyone has. */
    public static boolean isValid(String nineDigits) {
        if (nineDigits.length() != 9
                || !nineDigits.chars().allMatch(Character::isDigit)
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
