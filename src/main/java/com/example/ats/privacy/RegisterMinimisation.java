package com.example.ats.privacy;

import com.example.ats.purge.ApplicationsRemoved;
import com.example.ats.work.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The register forgets the applicant too. A privacy request proves that the company answered in time; once it is
 * closed and none of its applications exists any more, it keeps only that proof (ids, type, channel, dates, outcome
 * code) and loses the requester's e-mail address, the note and the outcome's words, after
 * {@code ats.privacy.register-personal-data-kept-for} (at once by default: docs/adr/0009).
 *
 * <p>When: in the transaction that purges or erases the last linked application, when a request is closed, and
 * hourly for a configured period that has run out since. The period counts from the later of the closing and the
 * last linked application's purge record.
 */
@ApplicationScoped
public class RegisterMinimisation {

    private final PrivacyRequestRepository requests;
    private final Duration keptFor;
    private final Clock clock;
    private final Jobs jobs;

    RegisterMinimisation(PrivacyRequestRepository requests, PrivacyConfig config, Clock clock, Jobs jobs) {
        this.jobs = jobs;
        this.requests = requests;
        this.keptFor = config.registerPersonalDataKeptFor();
        this.clock = clock;
    }

    /** Minimises every request that is due at {@code now}; call inside a transaction. Answers how many. */
    public int minimiseDue(Instant now) {
        int minimised = requests.minimiseDue(now, now.minus(keptFor));
        if (minimised > 0) {
            Log.infof("Privacy register: %d closed request(s) of deleted applications minimised", minimised);
        }
        return minimised;
    }

    void onApplicationsRemoved(@Observes ApplicationsRemoved removed) {
        minimiseDue(removed.at());
    }

    @Scheduled(
            identity = "privacy-register-minimisation",
            every = "${ats.privacy.minimise-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void minimiseOnSchedule() {
        jobs.run(
                "privacy-register-minimisation",
                () -> QuarkusTransaction.requiringNew().run(() -> minimiseDue(clock.instant())));
    }
}
