package com.example.ats.privacy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The answer term the privacy statement promises. */
@ConfigMapping(prefix = "ats.privacy")
public interface PrivacyConfig {

    /** How long the officer has to answer a request (ISO-8601, calendar amounts in the retention zone). */
    @WithDefault("P4W")
    String answerWithin();

    /**
     * How long the register keeps the requester's e-mail address and the free texts (note, outcome) once a request
     * is closed and its last linked application is gone; then only ids, type, dates and the outcome code remain.
     */
    @WithDefault("PT0S")
    Duration registerPersonalDataKeptFor();
}
