package com.example.ats.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;

/**
 * The owner of the server secret: the one key-derivation function (HMAC-SHA256 under a label of each use), through
 * which every key and token made from the secret goes — access tokens of idempotent requests, mailed links, the
 * portal's session and form keys, the key that seals webhook secrets. The packaged service refuses to start with a
 * weak secret ({@link StrongSecret} on {@link SecurityConfig}), naming the setting and never the value.
 */
@ApplicationScoped
public class ServerSecret {

    private final byte[] secret;

    ServerSecret(SecurityConfig config) {
        this.secret = config.tokenSecret().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * HMAC-SHA256 of the label and the parts, each on a line of its own: a key when there are no parts, a token
     * when there are. Each use has its own label, so no two uses ever share a value.
     */
    public byte[] derive(String label, String... parts) {
        StringBuilder message = new StringBuilder(label);
        for (String part : parts) {
            message.append('\n').append(part);
        }
        return Hmac.sha256(secret, message.toString());
    }
}
