package com.example.ats.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256, the one way the service derives keys and tokens from its secret (webhook secrets' key, the portal's
 * session and form keys, consent links): each use names its own label, so one secret serves them all apart.
 */
public final class Hmac {

    private Hmac() {}

    public static byte[] sha256(String key, String message) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), message);
    }

    public static byte[] sha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
