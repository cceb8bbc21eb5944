package com.example.ats.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "ats.events")
public interface EventConfig {

    /** How long events stay readable in the feed (and re-deliverable); a cursor older than that is 410. */
    @WithDefault("P30D")
    Duration keepFor();
    /** Schedule of the removal of old events (e.g. 1h; off to switch it off). */
    String housekeepingEvery();
}
