package com.example.ats.purge;

import com.example.ats.work.Jobs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the purge every `ats.retention.purge-every` (5 minutes by default) on every replica; the work queue shares the work. */
@ApplicationScoped
class PurgeSchedule {

    private final Purger purger;
    private final Jobs jobs;

    PurgeSchedule(Purger purger, Jobs jobs) {
        this.purger = purger;
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "purge",
            every = "${ats.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        jobs.run("purge", purger::run);
    }
}
