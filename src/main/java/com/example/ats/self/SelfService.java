package com.example.ats.self;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.privacy.PrivacyRequest;
import com.example.ats.privacy.PrivacyRequestService;
import com.example.ats.purge.Erasure;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.retention.RetentionConsentState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** What the applicant may do with their own application: object, erase. */
@ApplicationScoped
public class SelfService {

    private final ApplicationRepository applications;
    private final Erasure erasure;
    private final RetentionConsentService retentionConsents;
    private final PrivacyRequestService privacyRequests;
    private final Clock clock;

    SelfService(
            ApplicationRepository applications,
            Erasure erasure,
            RetentionConsentService retentionConsents,
            PrivacyRequestService privacyRequests,
            Clock clock) {
        this.applications = applications;
        this.erasure = erasure;
        this.retentionConsents = retentionConsents;
        this.privacyRequests = privacyRequests;
        this.clock = clock;
    }

    /**
     * An objection: by default a withdrawal of the retention consent (the deletion date moves as for a withdrawal)
     * plus an OBJECTION request for the privacy officer, linked to the applicant's applications, in one transaction.
     */
    @Transactional
    public RetentionConsentState object(UUID id, String reason) {
        RetentionConsentState state =
                retentionConsents.record(id, RetentionConsentService.Answer.applicants(false, null));
        Application application = applications.findById(id);
        privacyRequests.register(
                PrivacyRequest.Type.OBJECTION,
                application.applicant.email,
                clock.instant(),
                "WEB",
                "applicant",
                reason,
                application.mailLanguage().getLanguage());
        return state;
    }

    /** Erases the application now by the purge's own steps; a legal hold in force stops it. */
    public void erase(UUID id) {
        erasure.erase(
                id,
                "Your application must be kept for a legal reason for now; the privacy officer will contact you about"
                        + " your request");
    }
}
