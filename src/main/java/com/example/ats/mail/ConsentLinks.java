package com.example.ats.mail;

import com.example.ats.application.AccessTokens;
import com.example.ats.shared.LinkTokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The link of a mail that asks about the retention consent. Its token is derived from the question's id with the
 * server secret (HMAC-SHA256), so it exists only in the mail: the question keeps its SHA-256, the mail outbox only
 * the id (ADR 0013).
 */
@ApplicationScoped
public class ConsentLinks {

    private final LinkTokens tokens;
    private final MailConfig config;

    ConsentLinks(LinkTokens tokens, MailConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    /** The token of a question's link: 256 bits, unguessable without the server secret. */
    public String token(UUID questionId) {
        return tokens.token("ats-consent-question", questionId);
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
