package com.example.ats.intake;

import com.example.ats.application.AccessTokens;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.application.ApplicationStatus;
import com.example.ats.application.StatusChange;
import com.example.ats.application.StatusChangeRepository;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.consent.ConsentEventFactory;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.document.Document;
import com.example.ats.document.DocumentRepository;
import com.example.ats.encryption.DataKey;
import com.example.ats.encryption.DataKeys;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.mail.MailOutbox;
import com.example.ats.retention.ConsentFact;
import com.example.ats.retention.RetentionPolicy;
import com.example.ats.shared.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Writes every row of an accepted application in one transaction, after its files are stored. */
@ApplicationScoped
public class IntakeRecorder {

    static final String APPLICANT_ACTOR = "applicant";

    private final RetentionPolicy policy;
    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final ConsentEventRepository consents;
    private final ConsentEventFactory consentEvents;
    private final StatusChangeRepository statusChanges;
    private final IdempotentReplay replay;
    private final Outbox outbox;
    private final MailOutbox mails;
    private final DataKeys dataKeys;

    IntakeRecorder(
            RetentionPolicy policy,
            ApplicationRepository applications,
            DocumentRepository documents,
            ConsentEventRepository consents,
            ConsentEventFactory consentEvents,
            StatusChangeRepository statusChanges,
            IdempotentReplay replay,
            Outbox outbox,
            MailOutbox mails,
            DataKeys dataKeys) {
        this.policy = policy;
        this.applications = applications;
        this.documents = documents;
        this.consents = consents;
        this.consentEvents = consentEvents;
        this.statusChanges = statusChanges;
        this.replay = replay;
        this.outbox = outbox;
        this.mails = mails;
        this.dataKeys = dataKeys;
    }

    /** An accepted intake: the form, the stored files and how the applicant will get back in. */
    record Accepted(
            UUID applicationId,
            ApplicationForm form,
            List<Document> stored,
            Optional<DataKey> key,
            String token,
            IdempotentReplay.ClientKey clientKey,
            String fingerprint,
            Instant now,
            Locale language,
            String channel) {}

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ApplicationReceipt record(Accepted intake) {
        Instant now = intake.now();
        ApplicationForm form = intake.form();
        boolean granted = form.retentionConsent().granted();
        Application application = new Application();
        application.id = intake.applicationId();
        application.vacancyId = form.vacancyId();
        application.status = ApplicationStatus.RECEIVED;
        application.appliedAt = now;
        application.channel = intake.channel();
        application.accessTokenHash = AccessTokens.hash(intake.token());
        application.language = Language.of(intake.language()).code();
        application.expiresAt = policy.expiresAt(
                        now, null, List.of(granted ? ConsentFact.granted(now) : ConsentFact.refused(now)))
                .orElse(null);
        application.policyVersion = policy.version();
        application.applicant = ApplicantMapping.toEntity(form.applicant(), application);
        applications.persist(application);
        applications.flush(); // the key's row references it
        intake.key().ifPresent(dataKeys::keep);
        intake.stored().forEach(documents::persist);
        consents.persist(consentEvents.retention(
                application.id,
                granted ? ConsentAction.GRANTED : ConsentAction.REFUSED,
                now,
                ConsentChannel.WEB,
                form.retentionConsent().textVersion(),
                null));
        if (form.parentalConsent() != null) {
            consents.persist(consentEvents.parental(
                    application.id,
                    now,
                    form.parentalConsent().guardianName(),
                    form.parentalConsent().guardianEmail()));
        }
        statusChanges.persist(received(application.id, now));
        if (intake.clientKey() != null) {
            replay.remember(intake.clientKey(), intake.fingerprint(), application.id, now);
        }
        outbox.record(
                EventType.APPLICATION_RECEIVED,
                application.id,
                "vacancyId",
                application.vacancyId,
                "status",
                application.status,
                "retentionConsent",
                granted ? ConsentAction.GRANTED : ConsentAction.REFUSED,
                "expiresAt",
                application.expiresAt);
        mails.receipt(application.id, form.applicant().email(), intake.language());
        applications.flush();
        return ApplicationReceipt.of(application, intake.stored(), granted, intake.token());
    }

    private static StatusChange received(UUID applicationId, Instant now) {
        StatusChange change = new StatusChange();
        change.applicationId = applicationId;
        change.toStatus = ApplicationStatus.RECEIVED;
        change.changedAt = now;
        change.changedBy = APPLICANT_ACTOR;
        change.changedByRole = APPLICANT_ACTOR;
        return change;
    }
}
