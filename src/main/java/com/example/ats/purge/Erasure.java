package com.example.ats.purge;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.retention.PurgeRules;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Erasure on request (the applicant's own, or on their behalf): the purge's own steps, at once, with reason
 * ERASURE_REQUEST. A legal hold in force stops it (GDPR art. 17(3)(e): data needed for legal claims).
 */
@ApplicationScoped
public class Erasure {

    private final ApplicationRepository applications;
    private final RemovableApplicationRepository removableApplications;
    private final Purger purger;
    private final Clock clock;

    Erasure(
            ApplicationRepository applications,
            RemovableApplicationRepository removableApplications,
            Purger purger,
            Clock clock) {
        this.applications = applications;
        this.removableApplications = removableApplications;
        this.purger = purger;
        this.clock = clock;
    }

    /** Returns false when there was nothing (left) to erase. */
    @Transactional
    public boolean erase(UUID id, String refusalWhenHeld) {
        Application application = applications.findById(id);
        if (application == null) {
            return false;
        }
        Instant now = clock.instant();
        if (PurgeRules.holdInForce(application, now)) {
            throw new ApiException(ProblemType.CONFLICT, refusalWhenHeld);
        }
        removableApplications.detach(application);
        return purger.erase(id);
    }
}
