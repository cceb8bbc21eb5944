package com.example.ats.statistics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@ConfigMapping(prefix = "ats.statistics")
public interface StatisticsConfig {

    /**
     * The smallest count shown: a count of fewer people is shown as "<k", and so are the counts it could be worked
     * out from (ADR 0029).
     */
    @WithDefault("5")
    @Min(2)
    @Max(100)
    int smallestShown();

    /** How often months whose applications are all gone are sealed as shown ({@link SealedMonths}). */
    @WithDefault("6h")
    String sealEvery();

    /** The longest window one answer covers, in months. */
    @WithDefault("36")
    @Min(1)
    @Max(120)
    int maxMonths();
}
