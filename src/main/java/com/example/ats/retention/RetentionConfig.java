package com.example.ats.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The retention rules of the privacy statement; changing them changes future expiry computations. */
@ConfigMapping(prefix = "ats.retention")
public interface RetentionConfig {

    /** How long data is kept without consent (ISO-8601, months down to seconds). */
    @WithDefault("P28D")
    String withoutConsent();

    /** How long data is kept after explicit consent. */
    @WithDefault("P12M")
    String withConsent();

    /** Zone in which calendar amounts are added. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    /** When the no-consent period starts. */
    @WithDefault("APPLICATION_DATE")
    ClockStart clockStart();

    /** How often the purge runs (a Quarkus scheduler period, e.g. 5m or 20s; "off" disables it). */
    @WithDefault("5m")
    String purgeEvery();

    /** Applications purged per transaction. */
    @WithDefault("200")
    int purgeBatchSize();
}
