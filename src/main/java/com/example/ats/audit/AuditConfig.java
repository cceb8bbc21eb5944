package com.example.ats.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Period;

@ConfigMapping(prefix = "ats.audit")
public interface AuditConfig {

    /** How long audit events are kept (a calendar amount in the retention zone, e.g. P24M); older ones are removed. */
    @WithDefault("P24M")
    Period keepFor();

    /** Schedule of the removal of old audit events (e.g. 1h; off to switch it off). */
    String housekeepingEvery();
}
