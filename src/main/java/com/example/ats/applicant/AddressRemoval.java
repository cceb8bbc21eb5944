package com.example.ats.applicant;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.mail.MailOutbox;
import com.example.ats.mail.NotMeLinks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The receipt's "this was not me" link: its holder takes their address out of an application someone else made with
 * it. The application stays (its maker still holds the access code); nothing more is mailed to the address, the
 * mails queued for it are dropped and the sign-in links sent to it stop working.
 */
@ApplicationScoped
class AddressRemoval {

    private final ApplicationRepository applications;
    private final NotMeLinks links;
    private final MailOutbox mails;
    private final SignInLinks signInLinks;

    AddressRemoval(ApplicationRepository applications, NotMeLinks links, MailOutbox mails, SignInLinks signInLinks) {
        this.applications = applications;
        this.links = links;
        this.mails = mails;
        this.signInLinks = signInLinks;
    }

    /** What a link opens: the day of the application and whether the address is still in it; empty for a bad link. */
    Optional<ApplicantActions.AddressLink> read(UUID applicationId, String token) {
        if (!links.matches(applicationId, token)) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> applications.findByIdOptional(applicationId).map(AddressRemoval::link));
    }

    /** Takes the address out; whether it was still in (false: taken out before). Empty for a bad link. */
    Optional<Boolean> remove(UUID applicationId, String token) {
        if (!links.matches(applicationId, token)) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> applications
                        .findByIdOptional(applicationId, LockModeType.PESSIMISTIC_WRITE)
                        .map(application -> {
                            if (application.applicant.email == null) {
                                return false;
                            }
                            application.applicant.email = null;
                            mails.addressRemoved(application.id);
                            signInLinks.revokeFor(application.id);
                            return true;
                        }));
    }

    private static ApplicantActions.AddressLink link(Application application) {
        Instant appliedAt = application.appliedAt;
        return new ApplicantActions.AddressLink(appliedAt, application.applicant.email != null);
    }
}
