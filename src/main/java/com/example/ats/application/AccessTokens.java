package com.example.ats.application;

import com.example.ats.shared.ServerSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The applicant's self-service secret: 256 bits, shown once, stored only as its SHA-256. A request with an
 * Idempotency-Key gets a token derived by HMAC from a server secret and the request, so a retry can be answered
 * with the same token without the token ever being stored.
 */
public final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private AccessTokens() {}

    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /** Deterministic for the same secret and request; unguessable without the secret. */
    public static String derived(
            ServerSecret secret, String applicationId, String idempotencyKey, String requestSha256) {
        return URL.encodeToString(secret.derive("ats-access-token", applicationId, idempotencyKey, requestSha256));
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
