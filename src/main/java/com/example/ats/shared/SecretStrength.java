package com.example.ats.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a secret is strong enough to be the root of every token the service hands out: at least 32 bytes of
 * randomness, judged by its form (hex and base64 count the bytes they encode; other text needs 64 characters, as
 * text carries at most about four bits a character), at least 8 different characters, and not a value printed in
 * our docs or examples. A rule, not a measure: a long, varied secret someone typed by hand still passes.
 */
public final class SecretStrength {

    static final int BYTES = 32;

    /** Values from our docs, examples and tests: known to everyone who read them. */
    private static final Set<String> PUBLISHED =
            Set.of("change-me", "changeme", "dev-and-test-only", "replicas-test-only", "benchmark-only", "secret");

    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+");

    private SecretStrength() {}

    /** Why the secret is too weak, in words without the secret; empty when it will do. */
    public static Optional<String> weakness(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("it is empty");
        }
        String value = secret.strip();
        if (PUBLISHED.contains(value.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("it is an example value from the documentation");
        }
        if (value.chars().distinct().count() < 8) {
            return Optional.of("it has fewer than 8 different characters");
        }
        if (randomBytes(value) < BYTES) {
            return Optional.of("it holds fewer than " + BYTES + " random bytes (hex or base64 of " + BYTES
                    + " bytes, or 64 characters of text)");
        }
        return Optional.empty();
    }

    /**
     * How many random bytes the value can hold at most, by its form: hex and base64 count what they encode when they
     * look random (a random 64-digit hex string uses about all 16 digits, a random 44-character base64 string about
     * 32 different characters); anything else, a word of letters included, is text.
     */
    private static int randomBytes(String value) {
        long distinct = value.chars().distinct().count();
        if (HEX.matcher(value).matches() && distinct >= 8) {
            return value.length() / 2;
        }
        if (BASE64.matcher(value).matches() && distinct >= 16) {
            try {
                return (value.contains("-") || value.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(value)
                        .length;
            } catch (IllegalArgumentException notBase64) {
                return value.length() * 6 / 8;
            }
        }
        return value.getBytes(StandardCharsets.UTF_8).length / 2;
    }
}
