package com.example.ats.mail;

import com.example.ats.application.AccessTokens;
import com.example.ats.shared.Hmac;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The link of a mail that asks about the retention consent. Its token is derived from the question's id with the
 * server secret (HMAC-SHA256), so it exists only in the mail: the question keeps its SHA-256, the mail outbox only
 * the id (ADR 0013).
 */
@ApplicationScoped
public class ConsentLinks {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final MailConfig config;

    ConsentLinks(@ConfigProperty(name = "ats.intake.token-secret") String secret, MailConfig config) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.config = config;
    }

    /** The token of a question's link: 256 bits, unguessable without the server secret. */
    public String token(UUID questionId) {
        return URL.encodeToString(Hmac.sha256(key, "ats-consent-question\n" + questionId));
    }

    /** What the question keeps of its token: SHA-256, as for access tokens. */
    public byte[] tokenHash(UUID questionId) {
        return AccessTokens.hash(token(questionId));
    }

    /** The address in the mail. */
    public String link(UUID questionId) {
        String base = config.consentUrl();
        return (base.endsWith("/") ? base : base + "/") + token(questionId);
    }
}
