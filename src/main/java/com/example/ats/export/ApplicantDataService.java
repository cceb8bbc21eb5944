package com.example.ats.export;

import com.example.ats.application.ApplicantView;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.document.DocumentRepository;
import com.example.ats.document.DocumentView;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionConsentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything held about one applicant, in one view: what the applicant reads in self-service and what the export
 * (theirs, or the privacy officer's on their behalf) writes as {@code application.json}.
 */
@ApplicationScoped
public class ApplicantDataService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final ConsentEventRepository consents;
    private final RetentionConsentService retentionConsents;
    private final RetentionConfig retention;

    ApplicantDataService(
            ApplicationRepository applications,
            DocumentRepository documents,
            ConsentEventRepository consents,
            RetentionConsentService retentionConsents,
            RetentionConfig retention) {
        this.applications = applications;
        this.documents = documents;
        this.consents = consents;
        this.retentionConsents = retentionConsents;
        this.retention = retention;
    }

    /** The view of any application, or empty when there is none (the privacy officer's export on behalf). */
    @Transactional
    public Optional<ApplicantDataView> find(UUID id) {
        return applications.findByIdOptional(id).map(a -> view(id));
    }

    @Transactional
    public ApplicantDataView view(UUID id) {
        Application application = applications.findById(id);
        var history = consents.forApplication(id).stream()
                .map(e -> new ApplicantDataView.ConsentHistoryEntry(
                        e.kind.name(), e.action, e.occurredAt, e.channel, e.textVersion))
                .toList();
        boolean granted = retentionConsents.state(application).granted();
        return new ApplicantDataView(
                application.id,
                application.vacancyId,
                application.appliedAt,
                application.status,
                ApplicantView.of(application.applicant),
                documents.forApplication(id).stream().map(DocumentView::of).toList(),
                history,
                application.expiresAt,
                whatHappens(application, granted));
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
