package com.example.ats.purge;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Applications whose objects the store refused to delete: they stay due (and count as overdue, the compliance
 * signal), the purge skips them until their next attempt, and each failure doubles the wait (1 minute, 2, 4, ... at
 * most 6 hours), so a stuck object is retried for as long as it takes without holding up the applications behind it.
 */
@ApplicationScoped
public class BlockedPurges {

    private final EntityManager entityManager;
    private final Counter failures;
    private final Clock clock;

    BlockedPurges(EntityManager entityManager, MeterRegistry registry, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.failures = Counter.builder("ats.retention.purge.blocked.attempts")
                .description("Attempts to purge an application whose objects the store refused to delete")
                .register(registry);
    }

    /** Records a failed attempt for each application and when to try again; call in the purge's transaction. */
    void retryLater(Set<UUID> applicationIds, String why) {
        if (applicationIds.isEmpty()) {
            return;
        }
        entityManager
                .createNativeQuery("update application set purge_attempts = purge_attempts + 1,"
                        + " purge_retry_at = cast(:now as timestamptz)"
                        + " + least(power(2, least(purge_attempts, 9)), 360) * interval '1 minute'"
                        + " where id in (:ids)")
                .setParameter("now", clock.instant())
                .setParameter("ids", applicationIds)
                .executeUpdate();
        failures.increment(applicationIds.size());
        for (UUID id : applicationIds) {
            Log.warnf("Purge of application %s blocked: %s; it stays due and is retried later", id, why);
        }
    }
}
