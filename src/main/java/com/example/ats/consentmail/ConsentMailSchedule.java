package com.example.ats.consentmail;

import com.example.ats.work.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Looks for due consent questions on every replica; the questions' unique keys make each be asked once, whichever
 * replica gets there first.
 */
@ApplicationScoped
class ConsentMailSchedule {

    private final RenewalAsker renewals;
    private final TextChangeAnnouncer announcer;
    private final Jobs jobs;

    ConsentMailSchedule(RenewalAsker renewals, TextChangeAnnouncer announcer, Jobs jobs) {
        this.renewals = renewals;
        this.announcer = announcer;
        this.jobs = jobs;
    }

    @Scheduled(
            identity = "consent-mail",
            every = "${ats.consent-mail.check-every}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // apart: a failing announcement must not keep renewals from being asked, nor the other way round
        jobs.run("consent-text-announcement", () -> {
            int told = announcer.announce();
            if (told > 0) {
                Log.infof("Consent mail: %d told of the changed consent text", told);
            }
        });
        jobs.run("consent-renewal", () -> {
            int asked = renewals.askDue();
            if (asked > 0) {
                Log.infof("Consent mail: %d asked to renew", asked);
            }
        });
    }
}
