package com.example.ats.retention;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.consent.ConsentEvent;
import com.example.ats.consent.ConsentEventFactory;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.consent.ConsentKind;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Records a grant or withdrawal of the retention consent and recomputes the expiry in the same transaction, for
 * staff (consent given by e-mail or phone) and for the applicant's self-service.
 */
@ApplicationScoped
public class RetentionConsentService {

    private final ApplicationRepository applications;
    private final ConsentEventRepository consents;
    private final ConsentEventFactory events;
    private final ConsentTexts texts;
    private final ExpiryService expiries;
    private final Clock clock;
    private final Outbox outbox;

    RetentionConsentService(
            ApplicationRepository applications,
            ConsentEventRepository consents,
            ConsentEventFactory events,
            ConsentTexts texts,
            ExpiryService expiries,
            Clock clock,
            Outbox outbox) {
        this.applications = applications;
        this.consents = consents;
        this.events = events;
        this.texts = texts;
        this.expiries = expiries;
        this.clock = clock;
        this.outbox = outbox;
    }

    /**
     * A consent answer as it reached us.
     *
     * @param recordedBy the staff member who recorded it; null for the applicant's own answer
     * @param mayEraseAtOnce whether whoever records it may erase the application: only then may a withdrawal make it
     *     due at once (the applicant and the privacy officer may; a recruiter may not delete by recording one)
     * @param periodStartsAt for a renewal, the end of the current period, where the new one starts; else null
     */
    public record Answer(
            boolean granted,
            String textVersion,
            ConsentChannel channel,
            String recordedBy,
            boolean mayEraseAtOnce,
            Instant periodStartsAt) {

        public Answer(
                boolean granted,
                String textVersion,
                ConsentChannel channel,
                String recordedBy,
                boolean mayEraseAtOnce) {
            this(granted, textVersion, channel, recordedBy, mayEraseAtOnce, null);
        }

        /** The applicant's yes to another period, by the link of a renewal mail, from the end of the current one. */
        public static Answer renewal(String textVersion, Instant currentPeriodEnds) {
            return new Answer(true, textVersion, ConsentChannel.EMAIL, null, true, currentPeriodEnds);
        }

        /** The applicant's withdrawal by the link of a mail. */
        public static Answer withdrawalByMail() {
            return new Answer(false, null, ConsentChannel.EMAIL, null, true, null);
        }

        /** The applicant's own answer through self-service. */
        public static Answer applicants(boolean granted, String textVersion) {
            return new Answer(granted, textVersion, ConsentChannel.WEB, null, true);
        }
    }

    /**
     * Appends the event and recomputes the expiry. Saying no while no consent is in force records a refusal (the
     * expiry stays as it is); saying no after a grant is a withdrawal.
     */
    /** Why an application whose purge has begun cannot be kept. */
    public static final String BEING_DELETED = "The application is being deleted: its time ran out and its files'"
            + " key is destroyed already; only removing its last stored object is left";

    @Transactional
    public RetentionConsentState record(UUID applicationId, Answer answer) {
        if (answer.granted()
                && (answer.textVersion() == null || answer.textVersion().isBlank())) {
            throw ApiException.invalidField("textVersion", "is required when consent is granted: which text was shown");
        }
        if (answer.granted() && !texts.knows(answer.textVersion().strip())) {
            throw ApiException.invalidField(
                    "textVersion",
                    "is not a consent text this service knows: show and send the one of GET"
                            + " /api/v1/consent-texts/current");
        }
        // Serialises concurrent answers for one application, so the recomputation sees the whole history.
        Application application = applications
                .findByIdOptional(applicationId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("Application"));
        if (application.beingDeleted()) {
            throw new ApiException(ProblemType.CONFLICT, BEING_DELETED);
        }
        boolean inForce = current(applicationId)
                .map(e -> e.action == ConsentAction.GRANTED)
                .orElse(false);
        ConsentAction action =
                answer.granted() ? ConsentAction.GRANTED : inForce ? ConsentAction.WITHDRAWN : ConsentAction.REFUSED;
        ConsentEvent event = events.retention(
                applicationId,
                action,
                clock.instant(),
                answer.channel(),
                answer.granted() ? answer.textVersion().strip() : null,
                answer.recordedBy());
        if (answer.granted()) {
            event.periodStartsAt = answer.periodStartsAt();
        }
        consents.persist(event);
        expiries.recompute(application);
        if (action == ConsentAction.WITHDRAWN
                && !answer.mayEraseAtOnce()
                && application.expiresAt != null
                && !application.expiresAt.isAfter(clock.instant())) {
            throw new ApiException(
                    ProblemType.FORBIDDEN,
                    "This withdrawal would delete the application at once (its no-consent period has passed): only"
                            + " the privacy officer may record it, as an erasure on the applicant's behalf");
        }
        outbox.record(
                EventType.APPLICATION_CONSENT_CHANGED,
                applicationId,
                "retentionConsent",
                action,
                "channel",
                answer.channel(),
                "expiresAt",
                application.expiresAt);
        return state(application, event);
    }

    /** The consent state of an application now. */
    public RetentionConsentState state(Application application) {
        return current(application.id)
                .map(event -> state(application, event))
                .orElseGet(() -> new RetentionConsentState(
                        application.id,
                        false,
                        null,
                        null,
                        null,
                        null,
                        application.expiresAt,
                        application.policyVersion));
    }

    private Optional<ConsentEvent> current(UUID applicationId) {
        return LatestConsent.of(
                consents.forApplication(applicationId).stream()
                        .filter(e -> e.kind == ConsentKind.RETENTION)
                        .toList(),
                e -> e.occurredAt);
    }

    private static RetentionConsentState state(Application application, ConsentEvent last) {
        Instant since = last.occurredAt;
        return new RetentionConsentState(
                application.id,
                last.action == ConsentAction.GRANTED,
                last.action,
                since,
                last.channel,
                last.action == ConsentAction.GRANTED ? last.textVersion : null,
                application.expiresAt,
                application.policyVersion);
    }
}
