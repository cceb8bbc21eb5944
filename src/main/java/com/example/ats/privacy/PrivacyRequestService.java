package com.example.ats.privacy;

import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.mail.MailOutbox;
import com.example.ats.retention.RetentionAmount;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Registers data-subject requests with their due date, links them to the requester's applications, closes them. */
@ApplicationScoped
public class PrivacyRequestService {

    /** Who registered a request an applicant made with their access code. */
    public static final String BY_APPLICANT = "applicant";

    private final PrivacyRequestRepository requests;
    private final RegisterMinimisation minimisation;
    private final RetentionAmount answerWithin;
    private final RetentionConfig retention;
    private final Clock clock;
    private final Outbox outbox;
    private final MailOutbox mails;

    PrivacyRequestService(
            PrivacyRequestRepository requests,
            RegisterMinimisation minimisation,
            PrivacyConfig config,
            RetentionConfig retention,
            Clock clock,
            Outbox outbox,
            MailOutbox mails) {
        this.requests = requests;
        this.minimisation = minimisation;
        this.answerWithin = RetentionAmount.parse(config.answerWithin());
        this.retention = retention;
        this.clock = clock;
        this.outbox = outbox;
        this.mails = mails;
    }

    @Transactional
    public PrivacyRequestView register(
            PrivacyRequest.Type type, String email, Instant receivedAt, String channel, String createdBy) {
        return register(new Registration(type, email, receivedAt, channel, createdBy, null, null));
    }

    /**
     * As above, with the requester's own words (an objection's reason) and the language of the mails about it ("nl"
     * or "en"; when null, that of the requester's latest application, else Dutch). Linked to every application of
     * the address (the privacy officer registers requests after checking who asks).
     */
    @Transactional
    public PrivacyRequestView register(Registration registration) {
        return register(registration, null);
    }

    /**
     * A request made by an applicant through their own application (with its access code): linked to that
     * application only, never to others that carry the same e-mail address (whoever typed that address, it does not
     * prove they are its owner's).
     */
    @Transactional
    public PrivacyRequestView registerFor(UUID applicationId, Registration registration) {
        return register(registration, applicationId);
    }

    /**
     * The address of an application changed (confirmed by its new owner) or was taken out by its owner ("this was not
     * me"): the requests the applicant made about it follow, so their answers go where the application's mail goes.
     * Call in that transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applicationAddressChanged(UUID applicationId, String old, String replacement) {
        requests.replaceApplicantsAddress(applicationId, old, replacement);
    }

    /**
     * Whether the application has an open request of this type: an applicant's objection is registered once while
     * it is open (each registration mails its acknowledgement, and anyone can apply with anyone's address).
     */
    @Transactional
    public boolean isOpenFor(PrivacyRequest.Type type, UUID applicationId) {
        return requests.openFor(type, applicationId);
    }

    /** A request as it comes in: what, from whom, when, how, registered by whom, a note, the language to answer in. */
    public record Registration(
            PrivacyRequest.Type type,
            String email,
            Instant receivedAt,
            String channel,
            String createdBy,
            String note,
            String language) {}

    private PrivacyRequestView register(Registration registration, UUID onlyApplication) {
        PrivacyRequest.Type type = registration.type();
        Instant receivedAt = registration.receivedAt();
        Instant now = clock.instant();
        if (receivedAt.isAfter(now)) {
            throw ApiException.invalidField("receivedAt", "must not be in the future");
        }
        if (receivedAt.isBefore(now.minus(Duration.ofDays(366)))) {
            throw ApiException.invalidField(
                    "receivedAt", "must lie within the last year: a request is registered when it arrives");
        }
        PrivacyRequest request = new PrivacyRequest();
        request.id = UUID.randomUUID();
        request.type = type;
        // an applicant's own request names their application's address, which its owner may have taken out
        request.email =
                registration.email() == null ? null : registration.email().strip();
        request.channel = registration.channel();
        request.receivedAt = receivedAt;
        request.dueAt = answerWithin.after(receivedAt, retention.zone());
        request.status = PrivacyRequest.Status.OPEN;
        request.createdBy = registration.createdBy();
        String note = registration.note();
        request.note = note == null || note.isBlank() ? null : note.strip();
        if (onlyApplication != null) {
            request.applicationIds.add(onlyApplication);
        } else {
            request.applicationIds.addAll(requests.applicationsOf(request.email));
        }
        request.language = registration.language() != null
                ? registration.language()
                : requests.languageOf(request.email).orElse("nl");
        requests.persist(request);
        outbox.record(EventType.PRIVACY_REQUEST_REGISTERED, request.id, "requestType", type, "dueAt", request.dueAt);
        mails.requestAcknowledged(request.id, request.email, request.language, type, request.dueAt);
        return PrivacyRequestView.of(request, now);
    }

    @Transactional
    public PrivacyRequestView close(UUID id, String outcome, PrivacyRequest.OutcomeCode outcomeCode) {
        PrivacyRequest request =
                requests.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Privacy request"));
        if (request.status == PrivacyRequest.Status.CLOSED) {
            throw new ApiException(ProblemType.CONFLICT, "The request is already closed");
        }
        request.status = PrivacyRequest.Status.CLOSED;
        request.outcome = outcome.strip();
        request.outcomeCode = outcomeCode == null ? PrivacyRequest.OutcomeCode.FULFILLED : outcomeCode;
        request.closedAt = clock.instant();
        mails.requestClosed(
                request.id, request.email, request.language, request.type, request.outcomeCode); // before minimisation
        outbox.record(
                EventType.PRIVACY_REQUEST_CLOSED,
                request.id,
                "requestType",
                request.type,
                "outcomeCode",
                request.outcomeCode);
        requests.flush();
        minimisation.minimiseDue(request.closedAt);
        requests.refresh(request);
        return PrivacyRequestView.of(request, request.closedAt);
    }

    @Transactional
    public PrivacyRequestView get(UUID id) {
        return requests.findByIdOptional(id)
                .map(r -> PrivacyRequestView.of(r, clock.instant()))
                .orElseThrow(() -> ApiException.notFound("Privacy request"));
    }
}
