package com.example.ats.shared;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Base64;
import java.util.UUID;

/**
 * The tokens of links mailed to applicants (consent questions, sign-in links): derived from the row's id with the
 * server secret (HMAC-SHA256 under a label of each link's own), so a token exists only in its mail and every
 * replica derives the same one; rows keep its SHA-256 only. 256 bits, unguessable without the secret.
 */
@ApplicationScoped
public class LinkTokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final ServerSecret secret;

    LinkTokens(ServerSecret secret) {
        this.secret = secret;
    }

    public String token(String label, UUID id) {
        return URL.encodeToString(secret.derive(label, id.toString()));
    }

    /** A token bound to the row and to a value it must still hold (e.g. the address a link was mailed to). */
    public String token(String label, UUID id, String boundTo) {
        return URL.encodeToString(secret.derive(label, id.toString(), boundTo));
    }
}
