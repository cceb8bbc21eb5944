package com.example.ats.self;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.consent.RetentionConsentState;
import com.example.ats.consent.RetentionConsents;
import com.example.ats.document.DocumentRepository;
import com.example.ats.hr.ApplicationDetail;
import com.example.ats.privacy.PrivacyDesk;
import com.example.ats.privacy.PrivacyRequest;
import com.example.ats.retention.Erasure;
import com.example.ats.retention.RetentionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** What the applicant sees and may do with their own application. */
@ApplicationScoped
public class SelfService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final ConsentEventRepository consents;
    private final Erasure erasure;
    private final RetentionConsents consentRecorder;
    private final PrivacyDesk desk;
    private final Clock clock;
    private final RetentionConfig retention;

    SelfService(
            ApplicationRepository applications,
            DocumentRepository documents,
            ConsentEventRepository consents,
            Erasure erasure,
            RetentionConfig retention,
            RetentionConsents consentRecorder,
            PrivacyDesk desk,
            Clock clock) {
        this.consentRecorder = consentRecorder;
        this.desk = desk;
        this.clock = clock;
        this.applications = applications;
        this.documents = documents;
        this.consents = consents;
        this.erasure = erasure;
        this.retention = retention;
    }

    /** The view of any application, or empty when there is none (the privacy officer's export on behalf). */
    @Transactional
    public java.util.Optional<SelfApplicationView> find(UUID id) {
        return applications.findByIdOptional(id).map(a -> view(id));
    }

    @Transactional
    public SelfApplicationView view(UUID id) {
        Application application = applications.findById(id);
        var history = consents.forApplication(id).stream()
                .map(e -> new SelfApplicationView.ConsentHistoryEntry(
                        e.kind.name(), e.action, e.occurredAt, e.channel, e.textVersion))
                .toList();
        boolean granted = consentRecorder.state(application).granted();
        return new SelfApplicationView(
                application.id,
                application.vacancyId,
                application.appliedAt,
                application.status,
                ApplicationDetail.ApplicantView.of(application.applicant),
                documents.forApplication(id).stream()
                        .map(ApplicationDetail.DocumentView::of)
                        .toList(),
                history,
                application.expiresAt,
                whatHappens(application, granted));
    }

    /**
     * An objection: by default a withdrawal of the retention consent (the deletion date moves as for a withdrawal)
     * plus an OBJECTION request for the privacy officer, linked to the applicant's applications, in one transaction.
     */
    @Transactional
    public RetentionConsentState object(UUID id, String reason) {
        RetentionConsentState state =
                consentRecorder.record(id, new RetentionConsents.Answer(false, null, ConsentChannel.WEB, null));
        Application application = applications.findById(id);
        desk.register(
                PrivacyRequest.Type.OBJECTION,
                application.applicant.email,
                clock.instant(),
                "WEB",
                "applicant",
                reason);
        return state;
    }

    /** Erases the application now by the purge's own steps; a legal hold in force stops it. */
    public void erase(UUID id) {
        erasure.erase(
                id,
                "Your application must be kept for a legal reason for now; the privacy officer will contact you about"
                        + " your request");
    }

    private String whatHappens(Application application, boolean granted) {
        if (application.expiresAt == null) {
            return "Your application has no deletion date yet: we delete it " + retention.withoutConsent()
                    + " after the selection procedure ends, or 12 months after your consent if you give it.";
        }
        String day = DAY.format(application.expiresAt.atZone(retention.zone()));
        String what = "On " + day + " we delete your application, your CV, your motivation letter and everything"
                + " else we hold about you, without further notice.";
        return granted
                ? what + " You agreed that we keep your file until then (" + retention.withConsent()
                        + " from your consent). You can withdraw that consent at any time; we then delete"
                        + " everything " + retention.withoutConsent() + " after your application date, or at once"
                        + " when that date has passed."
                : what + " You can agree that we keep your file longer (" + retention.withConsent()
                        + " from your consent), or ask us to delete everything now.";
    }
}
