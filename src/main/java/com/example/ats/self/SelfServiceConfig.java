package com.example.ats.self;

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
}
