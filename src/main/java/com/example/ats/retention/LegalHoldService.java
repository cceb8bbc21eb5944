package com.example.ats.retention;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Puts and releases legal holds: a held application is not purged, whatever its expiry. */
@ApplicationScoped
public class LegalHoldService {

    private final ApplicationRepository applications;
    private final Clock clock;
    private final Outbox outbox;

    LegalHoldService(ApplicationRepository applications, Clock clock, Outbox outbox) {
        this.applications = applications;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Puts or replaces the hold; {@code until} (optional) must be in the future. */
    @Transactional
    public LegalHoldView hold(UUID id, String reason, Instant until, String setBy) {
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw ApiException.invalidField("until", "must be in the future");
        }
        if (until != null && until.isAfter(now.plus(Duration.ofDays(3660)))) {
            throw ApiException.invalidField(
                    "until", "must lie within ten years; leave it out for a hold until released");
        }
        Application application = find(id);
        if (application.beingDeleted()) {
            throw new ApiException(ProblemType.CONFLICT, RetentionConsentService.BEING_DELETED);
        }
        application.legalHoldReason = reason.strip();
        application.legalHoldUntil = until;
        application.legalHoldSetAt = now;
        application.legalHoldSetBy = setBy;
        outbox.record(EventType.APPLICATION_LEGAL_HOLD_CHANGED, id, "held", true, "until", until);
        return new LegalHoldView(
                id, application.legalHoldReason, application.legalHoldUntil, now, application.legalHoldSetBy);
    }

    /** Releases the hold, if any. */
    @Transactional
    public void release(UUID id) {
        Application application = find(id);
        if (application.legalHoldSetAt != null) {
            outbox.record(EventType.APPLICATION_LEGAL_HOLD_CHANGED, id, "held", false);
        }
        application.legalHoldReason = null;
        application.legalHoldUntil = null;
        application.legalHoldSetAt = null;
        application.legalHoldSetBy = null;
    }

    private Application find(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Application"));
    }
}
