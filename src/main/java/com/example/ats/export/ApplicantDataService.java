package com.example.ats.export;

import com.example.ats.application.ApplicantView;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.document.DocumentRepository;
import com.example.ats.document.DocumentView;
import com.example.ats.retention.RetentionAmount;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.retention.RetentionConsentService;
import com.example.ats.web.PlainWords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything held about one applicant, in one view: what the applicant reads in self-service and what the export
 * (theirs, or the privacy officer's on their behalf) writes as {@code application.json}.
 */
@ApplicationScoped
public class ApplicantDataService {

    private final ApplicationRepository applications;
    private final DocumentRepository documents;
    private final ConsentEventRepository consents;
    private final RetentionConsentService retentionConsents;
    private final RetentionConfig retention;
    private final AddressesToConfirm addressesToConfirm;

    ApplicantDataService(
            ApplicationRepository applications,
            DocumentRepository documents,
            ConsentEventRepository consents,
            RetentionConsentService retentionConsents,
            RetentionConfig retention,
            AddressesToConfirm addressesToConfirm) {
        this.addressesToConfirm = addressesToConfirm;
        this.applications = applications;
        this.documents = documents;
        this.consents = consents;
        this.retentionConsents = retentionConsents;
        this.retention = retention;
    }

    /** The view of any application, or empty when there is none (the privacy officer's export on behalf). */
    @Transactional
    public Optional<ApplicantDataView> find(UUID id, Locale locale) {
        return applications.findByIdOptional(id).map(a -> view(id, locale));
    }

    @Transactional
    /** Everything held, with what happens to it told in {@code locale}'s language (Dutch or English). */
    public ApplicantDataView view(UUID id, Locale locale) {
        Application application = applications.findById(id);
        var history = consents.forApplication(id).stream()
                .map(e -> new ApplicantDataView.ConsentHistoryEntry(
                        e.kind.name(),
                        e.action,
                        e.occurredAt,
                        e.channel,
                        e.textVersion,
                        e.guardianName,
                        e.guardianEmail))
                .toList();
        boolean granted = retentionConsents.state(application).granted();
        return new ApplicantDataView(
                application.id,
                application.vacancyId,
                application.appliedAt,
                application.status,
                ApplicantView.of(application.applicant),
                documents.forApplication(id).stream()
                        .map(DocumentView::forApplicant)
                        .toList(),
                history,
                application.expiresAt,
                whatHappens(application, granted, locale),
                addressesToConfirm.waitingFor(id).orElse(null));
    }

    private String whatHappens(Application application, boolean granted, Locale locale) {
        return PlainWords.whatHappens(
                application.expiresAt,
                granted,
                RetentionAmount.parse(retention.withoutConsent()),
                RetentionAmount.parse(retention.withConsent()),
                retention.zone(),
                locale);
    }
}
