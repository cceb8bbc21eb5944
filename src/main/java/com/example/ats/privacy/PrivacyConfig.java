package com.example.ats.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The answer term the privacy statement promises. */
@ConfigMapping(prefix = "ats.privacy")
public interface PrivacyConfig {

    /** How long the officer has to answer a request (ISO-8601, calendar amounts in the retention zone). */
    @WithDefault("P4W")
    String answerWithin();
}
