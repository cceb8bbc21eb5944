package com.example.ats.webhook;

import com.example.ats.shared.ServerSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets: made here, shown once to the subscriber, kept encrypted (AES-GCM) so that a copy of the database
 * alone does not let anyone forge our deliveries. The key is derived from the service's token secret, separated from
 * its other use by a label (ADR 0011): rotating that secret means subscribing again.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final SecretKeySpec key;

    WebhookSecrets(ServerSecret secret) {
        this.key = new SecretKeySpec(secret.derive("ats webhook secrets v1"), "AES");
    }

    /** A new secret in the Standard Webhooks form: {@code whsec_} and 32 random bytes in base64. */
    String generate() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return "whsec_" + Base64.getEncoder().encodeToString(raw);
    }

    /** Sealed to this subscription: a sealed secret moved to another row does not open. */
    byte[] seal(String secret, UUID subscriptionId) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a webhook secret", e);
        }
    }

    String open(byte[] sealed, UUID subscriptionId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Arrays.copyOf(sealed, IV_BYTES)));
            cipher.updateAAD(subscriptionId.toString().getBytes(StandardCharsets.UTF_8));
            return new String(
                    cipher.doFinal(Arrays.copyOfRange(sealed, IV_BYTES, sealed.length)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a webhook secret cannot be opened: was the token secret changed?", e);
        }
    }
}
