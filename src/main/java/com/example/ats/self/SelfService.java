package com.example.ats.self;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.consent.ConsentAction;
import com.example.ats.consent.ConsentEventRepository;
import com.example.ats.consent.ConsentKind;
import com.example.ats.document.DocumentRepository;
import com.example.ats.hr.ApplicationDetail;
import com.example.ats.retention.Purger;
import com.example.ats.retention.RetentionConfig;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
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
    private final Purger purger;
    private final RetentionConfig retention;
    private final Clock clock;

    SelfService(
            ApplicationRepository applications,
            DocumentRepository documents,
            ConsentEventRepository consents,
            Purger purger,
            RetentionConfig retention,
            Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.consents = consents;
        this.purger = purger;
        this.retention = retention;
        this.clock = clock;
    }

    @Transactional
    public SelfApplicationView view(UUID id) {
        Application application = applications.findById(id);
        var history = consents.forApplication(id).stream()
                .map(e -> new SelfApplicationView.ConsentHistoryEntry(
                        e.kind.name(), e.action, e.occurredAt, e.channel, e.textVersion))
                .toList();
        boolean granted = consents.forApplication(id).stream()
                .filter(e -> e.kind == ConsentKind.RETENTION)
                .reduce((a, b) -> b)
                .map(e -> e.action == ConsentAction.GRANTED)
                .orElse(false);
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

    /** Erases the application now by the purge's own steps; a legal hold in force stops it (GDPR art. 17(3)(e)). */
    @Transactional
    public void erase(UUID id) {
        Application application = applications.findById(id);
        if (application == null) {
            return; // erased a moment ago, by this applicant or the purge
        }
        Instant now = clock.instant();
        if (application.legalHoldReason != null
                && (application.legalHoldUntil == null || application.legalHoldUntil.isAfter(now))) {
            throw new ApiException(
                    ProblemType.CONFLICT,
                    "Your application must be kept for a legal reason for now; the privacy officer will contact you"
                            + " about your request");
        }
        applications.getEntityManager().detach(application);
        purger.erase(id);
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
