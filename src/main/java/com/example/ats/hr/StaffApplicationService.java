package com.example.ats.hr;

import com.example.ats.application.ApplicantView;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.application.StatusChange;
import com.example.ats.application.StatusChangeRepository;
import com.example.ats.application.StatusChangeView;
import com.example.ats.document.DocumentRepository;
import com.example.ats.document.DocumentView;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.retention.ExpiryService;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ETags;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads an application for staff and moves it through the pipeline. */
@ApplicationScoped
public class StaffApplicationService {

    private final ApplicationRepository applications;
    private final StatusChangeRepository statusChanges;
    private final DocumentRepository documents;
    private final RetentionConsentService consents;
    private final ExpiryService expiries;
    private final Clock clock;
    private final Outbox outbox;

    StaffApplicationService(
            ApplicationRepository applications,
            StatusChangeRepository statusChanges,
            DocumentRepository documents,
            RetentionConsentService consents,
            ExpiryService expiries,
            Clock clock,
            Outbox outbox) {
        this.applications = applications;
        this.statusChanges = statusChanges;
        this.documents = documents;
        this.consents = consents;
        this.expiries = expiries;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * Read without a transaction of its own: under PostgreSQL's read committed each query sees its own snapshot
     * either way, and a read needs no commit, flush or dirty check.
     */
    public ApplicationDetail detail(UUID id) {
        return detail(find(id));
    }

    /**
     * Moves the application to {@code to} when the caller read the current version and the pipeline allows the
     * step; leaving the open pipeline starts the PROCEDURE_END retention clock, so the expiry is recomputed.
     */
    @Transactional
    public ApplicationDetail changeStatus(
            UUID id, ETags.IfMatch ifMatch, ApplicationStatus to, String actor, String role) {
        Application application = find(id);
        ifMatch.check(application.version);
        ApplicationStatus from = application.status;
        if (!from.next().contains(to)) {
            String allowed = from.next().isEmpty()
                    ? "none: " + from + " is final"
                    : from.next().stream().map(Enum::name).collect(Collectors.joining(", "));
            throw new ApiException(
                    ProblemType.CONFLICT,
                    "An application cannot move from " + from + " to " + to + "; allowed: " + allowed,
                    List.of(new Problem.FieldError("status", "allowed from " + from + ": " + allowed)));
        }
        Instant now = clock.instant();
        application.status = to;
        if (!to.isOpen()) {
            application.procedureEndedAt = now;
            expiries.recompute(application);
        }
        StatusChange change = new StatusChange();
        change.applicationId = id;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedAt = now;
        change.changedBy = actor;
        change.changedByRole = role;
        statusChanges.persist(change);
        outbox.record(
                EventType.APPLICATION_STATUS_CHANGED, id, "from", from, "to", to, "expiresAt", application.expiresAt);
        applications.flush(); // bumps the version, which the answer's ETag carries
        return detail(application);
    }

    private Application find(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Application"));
    }

    private ApplicationDetail detail(Application application) {
        return new ApplicationDetail(
                application.id,
                application.vacancyId,
                application.status,
                application.status.next(),
                application.appliedAt,
                application.expiresAt,
                application.policyVersion,
                ApplicantView.of(application.applicant),
                statusChanges.forApplication(application.id).stream()
                        .map(StatusChangeView::of)
                        .toList(),
                documents.forApplication(application.id).stream()
                        .map(DocumentView::of)
                        .toList(),
                consents.state(application),
                ApplicationDetail.LegalHold.of(application, clock.instant()),
                application.version);
    }
}
