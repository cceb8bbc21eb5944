package com.example.ats.privacy;

import com.example.ats.purge.ApplicationsRemoved;
import com.example.ats.work.Jobs;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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

    private final EntityManager entityManager;
    private final Duration keptFor;
    private final Clock clock;
    private final Jobs jobs;

    RegisterMinimisation(EntityManager entityManager, PrivacyConfig config, Clock clock, Jobs jobs) {
        this.jobs = jobs;
        this.entityManager = entityManager;
        this.keptFor = config.registerPersonalDataKeptFor();
        this.clock = clock;
    }

    /** Minimises every request that is due at {@code now}; call inside a transaction. Answers how many. */
    public int minimiseDue(Instant now) {
        entityManager.flush(); // purge records and deletions of this transaction must be visible to the update
        int minimised = entityManager
                .createNativeQuery("update privacy_request r set email = null, note = null, outcome = null,"
                        + " minimised_at = :now, version = r.version + 1"
                        + " where r.status = 'CLOSED' and r.minimised_at is null"
                        + " and not exists (select 1 from privacy_request_application pa"
                        + "   join application a on a.id = pa.application_id where pa.privacy_request_id = r.id)"
                        + " and greatest(r.closed_at, coalesce((select max(p.purged_at) from purge_record p"
                        + "   join privacy_request_application pa on pa.application_id = p.application_id"
                        + "   where pa.privacy_request_id = r.id), r.closed_at)) <= :cutoff")
                .setParameter("now", now)
                .setParameter("cutoff", now.minus(keptFor))
                .executeUpdate();
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
