package com.example.ats.consentmail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When the service asks applicants about their retention consent by e-mail (ADR 0013). */
@ConfigMapping(prefix = "ats.consent-mail")
public interface ConsentMailConfig {

    /** How many days before a consented period ends the renewal question is sent. */
    @WithDefault("30")
    int renewalDaysBefore();

    /** How often due questions are looked for (a scheduler period, e.g. 1h; off: this replica asks none). */
    @WithDefault("1h")
    String checkEvery();

    /** How long the link of a changed-text notice works (a renewal link works until the period ends). */
    @WithDefault("P30D")
    Duration linkValidFor();

    /** Applications handled per query. */
    @WithDefault("200")
    int batchSize();
}
