package com.example.ats.mail;

import com.example.ats.shared.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * The "this was not me" link of a receipt: whoever got a receipt for an application they did not make takes their
 * address out of it. The token is derived from the application's id and the address the receipt went to, with the
 * server secret: it exists only in the receipt, nothing is stored for it, and it works only while the application
 * still holds that address (an old receipt cannot take out an address the applicant confirmed since).
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

    /** The link in a receipt to {@code address}: {@code <not-me-url>/<application id>/<token>}. */
    public String link(UUID applicationId, String address) {
        String base = config.notMeUrl();
        return (base.endsWith("/") ? base : base + "/") + applicationId + "/" + token(applicationId, address);
    }

    /** Whether the token is that of a receipt to {@code address} (compared in constant time); never for no address. */
    public boolean matches(UUID applicationId, String address, String token) {
        return token != null
                && address != null
                && MessageDigest.isEqual(
                        token(applicationId, address).getBytes(StandardCharsets.US_ASCII),
                        token.getBytes(StandardCharsets.UTF_8));
    }

    private String token(UUID applicationId, String address) {
        return tokens.token(LABEL, applicationId, MailOutbox.mailbox(address));
    }
}
