package com.example.ats.consent;

import io.smallrye.config.ConfigMapping;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** The wordings of the retention consent the career site shows, by version, so each grant records what was agreed to. */
@ConfigMapping(prefix = "ats.consent")
public interface ConsentTexts {

    /** Consent wording by text version, e.g. {@code ats.consent.texts."2026-01"=Ik geef toestemming ...}. */
    Map<String, String> texts();

    /** The version career sites show now ({@code GET /api/v1/consent-texts/current}); one of {@link #texts()}. */
    String currentVersion();

    /** Whether the service knows this version's wording: a grant of any other version is refused. */
    default boolean knows(String version) {
        return version != null && texts().containsKey(version);
    }

    /** SHA-256 (hex) of the wording of this version, when the service knows it. */
    default Optional<String> sha256Of(String version) {
        return Optional.ofNullable(texts().get(version)).map(ConsentTexts::sha256);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
