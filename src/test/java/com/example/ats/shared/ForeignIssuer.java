package com.example.ats.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Mints an RS256 JWT with the realm's claims but another issuer and another key: what a forger would send. */
final class ForeignIssuer {

    private ForeignIssuer() {}

    static String token(String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"foreign\"}";
            String payload = "{\"iss\":\"http://127.0.0.1:1/realms/ats\",\"sub\":\"" + UUID.randomUUID()
                    + "\",\"preferred_username\":\"forger\",\"azp\":\"ats-cli\",\"iat\":" + now
                    + ",\"exp\":" + (now + 3600) + ",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
            String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64(payload.getBytes(StandardCharsets.UTF_8));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
