package com.example.ats.applicant;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the applicant's self-service. */
@ConfigMapping(prefix = "ats.self")
public interface SelfServiceConfig {

    /** Wrong tokens one client address may send per period before it gets 429s. */
    @WithDefault("10")
    int failedTokenLimit();

    @WithDefault("PT15M")
    Duration failedTokenPeriod();

    /** How long the link that confirms a new e-mail address works (once). */
    @WithDefault("PT24H")
    Duration addressLinkLifetime();

    /** How long a mailed sign-in link works (once). */
    @WithDefault("PT15M")
    Duration signInLinkLifetime();

    /** Sign-in links one e-mail address may be sent per period (whoever asks). */
    @WithDefault("3")
    int signInLinksPerAddress();

    /** Sign-in links one client address may ask for per period (whatever e-mail address it types). */
    @WithDefault("10")
    int signInLinksPerClient();

    @WithDefault("PT1H")
    Duration signInLinkPeriod();

    /** New e-mail addresses one application may give per period, each mailed a link (RateLimit). */
    @WithDefault("3")
    int addressLinksPerApplication();

    @WithDefault("P1D")
    Duration addressLinksPeriod();

    /** How often used and expired mailed links are deleted (the scheduler reads it; "off" for none). */
    @WithDefault("10m")
    String linksHousekeepingEvery();

    /** Changes an applicant may make to their file (objection, consent, correction) per period (RateLimit). */
    @WithDefault("20")
    int actionsPerToken();

    @WithDefault("PT1M")
    Duration actionsPeriod();
}
