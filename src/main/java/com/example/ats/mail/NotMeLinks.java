package com.example.ats.mail;

import com.example.ats.shared.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * The "this was not me" link of a receipt: whoever got a receipt for an application they did not make takes their
 * address out of it. The token is derived from the application's id with the server secret, so it exists only in
 * the receipt and nothing is stored for it.
 */
@ApplicationScoped
public class NotMeLinks {

    private static final String LABEL = "ats-not-me";

    private final LinkTokens tokens;
    private final MailConfig config;

    NotMeLinks(LinkTokens tokens, MailConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    /** The address in the receipt: {@code <not-me-url>/<application id>/<token>}. */
    public String link(UUID applicationId) {
        String base = config.notMeUrl();
        return (base.endsWith("/") ? base : base + "/") + applicationId + "/" + tokens.token(LABEL, applicationId);
    }

    /** Whether the token is the one the application's receipt carried (compared in constant time). */
    public boolean matches(UUID applicationId, String token) {
        return token != null
                && MessageDigest.isEqual(
                        tokens.token(LABEL, applicationId).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.UTF_8));
    }
}
