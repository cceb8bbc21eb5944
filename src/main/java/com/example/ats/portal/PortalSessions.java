package com.example.ats.portal;

import com.example.ats.shared.Hmac;
import com.example.ats.shared.ServerSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The privacy portal's session: after the applicant typed their access token, a cookie that names their application
 * and when the session ends, sealed with AES-GCM (a key derived from the server secret), so every replica can read it
 * and nobody can forge or alter it. HttpOnly, SameSite=Strict, no expiry of its own (it ends with the browser) and
 * void after 30 minutes. Each form carries a token derived from the cookie (against cross-site request forgery).
 */
@ApplicationScoped
class PortalSessions {

    static final String COOKIE = "ats_portal";
    static final String PATH = "/my-application";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    /** An open session. */
    record Session(UUID applicationId, Instant endsAt, String cookie) {}

    private final SecretKeySpec sealKey;
    private final byte[] formKey;
    private final Duration lifetime;
    private final boolean secure;

    PortalSessions(
            ServerSecret secret,
            @ConfigProperty(name = "ats.web.portal-session", defaultValue = "PT30M") Duration lifetime,
            @ConfigProperty(name = "ats.web.secure-cookies", defaultValue = "true") boolean secure) {
        this.sealKey = new SecretKeySpec(secret.derive("ats portal session v1"), "AES");
        this.formKey = secret.derive("ats portal forms v1");
        this.lifetime = lifetime;
        this.secure = secure;
    }

    /** A new session's cookie value. */
    String open(UUID applicationId, Instant now) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            String content = applicationId + "|" + now.plus(lifetime).getEpochSecond();
            byte[] sealed = cipher.doFinal(content.getBytes(StandardCharsets.UTF_8));
            return URL.encodeToString(ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a portal session", e);
        }
    }

    /** The session of a cookie, unless it is absent, altered, foreign or over. */
    Optional<Session> read(String cookie, Instant now) {
        if (cookie == null || cookie.length() > 200) {
            return Optional.empty();
        }
        try {
            byte[] sealed = URL_DECODER.decode(cookie);
            if (sealed.length <= IV_BYTES + 16) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, Arrays.copyOf(sealed, IV_BYTES)));
            String[] content = new String(
                            cipher.doFinal(Arrays.copyOfRange(sealed, IV_BYTES, sealed.length)), StandardCharsets.UTF_8)
                    .split("\\|");
            Instant endsAt = Instant.ofEpochSecond(Long.parseLong(content[1]));
            if (!now.isBefore(endsAt)) {
                return Optional.empty();
            }
            return Optional.of(new Session(UUID.fromString(content[0]), endsAt, cookie));
        } catch (GeneralSecurityException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The token every form of this session carries. */
    String formToken(Session session) {
        return URL.encodeToString(Hmac.sha256(formKey, session.cookie()));
    }

    boolean formTokenMatches(Session session, String submitted) {
        return submitted != null
                && MessageDigest.isEqual(
                        formToken(session).getBytes(StandardCharsets.UTF_8),
                        submitted.getBytes(StandardCharsets.UTF_8));
    }

    NewCookie cookie(String value) {
        return new NewCookie.Builder(COOKIE)
                .value(value)
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    NewCookie cleared() {
        return new NewCookie.Builder(COOKIE)
                .value("")
                .path(PATH)
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
    }
}
