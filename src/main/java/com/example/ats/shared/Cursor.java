package com.example.ats.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in a list ordered by (time, id): opaque to clients (base64url), so the encoding may change
 * without breaking them. A cursor the service did not make is a 400.
 */
public record Cursor(Instant time, UUID id) {

    public String encode() {
        String raw = time.getEpochSecond() + ":" + time.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            return new Cursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new ApiException(
                    ProblemType.MALFORMED_REQUEST,
                    "The cursor is not one this service made: use the `next` link of the previous page");
        }
    }
}
