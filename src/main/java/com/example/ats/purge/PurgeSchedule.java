package com.example.ats.purge;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the purge every `ats.retention.purge-every` (5 minutes by default) on every replica; SKIP LOCKED shares the work. */
@ApplicationScoped
class PurgeSchedule {

    private final Purger purger;

    PurgeSchedule(Purger purger) {
        this.purger = purger;
    }

    @Scheduled(
            identity = "purge",
            every = "${ats.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        purger.run();
    }
}
