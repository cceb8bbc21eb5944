package com.example.ats.purge;

import com.example.ats.retention.RetentionConfig;
import com.example.ats.work.RetrySchedule;
import com.example.ats.work.WorkQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * Applications whose objects the store refused to delete: they stay due (and count as overdue, the compliance
 * signal), the purge skips them until their next attempt, by {@code ats.retention.purge-retry-schedule} (1 minute, 2,
 * 4, ... then every 6 hours, never given up), so a stuck object is retried for as long as it takes without holding up
 * the applications behind it.
 */
@ApplicationScoped
public class BlockedPurges {

    private final WorkQueue queue;
    private final RetrySchedule schedule;
    private final Counter failures;

    BlockedPurges(WorkQueue queue, RetentionConfig config, MeterRegistry registry) {
        this.queue = queue;
        this.schedule = RetrySchedule.thenRepeatLast(config.purgeRetrySchedule());
        this.failures = Counter.builder("ats.retention.purge.blocked.attempts")
                .description("Attempts to purge an application whose objects the store refused to delete")
                .register(registry);
    }

    /** Records a failed attempt for each application and when to try again; call in the purge's transaction. */
    void retryLater(Set<UUID> applicationIds, String why) {
        queue.retryLater(Purger.DUE, applicationIds, schedule);
        failures.increment(applicationIds.size());
        for (UUID id : applicationIds) {
            Log.warnf("Purge of application %s blocked: %s; it stays due and is retried later", id, why);
        }
    }
}
