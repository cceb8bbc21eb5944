package com.example.ats.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

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

    /**
     * Waits after each attempt to purge an application whose objects the store refused to delete; after the last
     * step it is tried at that interval for as long as it takes (a purge is never given up).
     */
    @WithDefault("PT1M,PT2M,PT4M,PT8M,PT16M,PT32M,PT64M,PT128M,PT256M,PT6H")
    List<Duration> purgeRetrySchedule();
}
