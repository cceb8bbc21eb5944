package com.example.ats.shared;

import io.smallrye.config.ConfigMapping;

/** The service's own secret: the one root of every token, cookie, link and seal it derives ({@link ServerSecret}). */
@ConfigMapping(prefix = "ats.security")
public interface SecurityConfig {

    /**
     * At least 32 random bytes (e.g. {@code head -c 32 /dev/urandom | base64}); from {@code ATS_INTAKE_TOKEN_SECRET}.
     * The former property name {@code ats.intake.token-secret} is still read (deprecated).
     */
    @StrongSecret
    String tokenSecret();
}
