package com.example.ats.consentmail;

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

    ConsentMailSchedule(RenewalAsker renewals, TextChangeAnnouncer announcer) {
        this.renewals = renewals;
        this.announcer = announcer;
    }

    @Scheduled(
            identity = "consent-mail",
            every = "${ats.consent-mail.check-every}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // apart: a failing announcement must not keep renewals from being asked, nor the other way round
        try {
            int told = announcer.announce();
            if (told > 0) {
                Log.infof("Consent mail: %d told of the changed consent text", told);
            }
        } catch (RuntimeException e) {
            Log.warnf(
                    "Consent-text announcement failed, next round retries: %s",
                    e.getClass().getSimpleName());
        }
        try {
            int asked = renewals.askDue();
            if (asked > 0) {
                Log.infof("Consent mail: %d asked to renew", asked);
            }
        } catch (RuntimeException e) {
            Log.warnf(
                    "Consent renewal round failed, next round retries: %s",
                    e.getClass().getSimpleName());
        }
    }
}
