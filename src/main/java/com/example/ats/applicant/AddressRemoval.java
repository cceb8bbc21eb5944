package com.example.ats.applicant;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.mail.MailOutbox;
import com.example.ats.mail.NotMeLinks;
import com.example.ats.privacy.PrivacyRequestService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
    private final PrivacyRequestService privacyRequests;

    AddressRemoval(
            ApplicationRepository applications,
            NotMeLinks links,
            MailOutbox mails,
            SignInLinks signInLinks,
            PrivacyRequestService privacyRequests) {
        this.privacyRequests = privacyRequests;
        this.applications = applications;
        this.links = links;
        this.mails = mails;
        this.signInLinks = signInLinks;
    }

    /**
     * What a link opens: the day of the application and whether the address is still in it; empty for a link that is
     * not right. Once the address is out, no link can be checked any more (the token was bound to it): every link
     * of the application then reads as used.
     */
    Optional<ApplicantActions.AddressLink> read(UUID applicationId, String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> applications
                        .findByIdOptional(applicationId)
                        .filter(application ->
                                held(application) == null || links.matches(application.id, held(application), token))
                        .map(application ->
                                new ApplicantActions.AddressLink(application.appliedAt, held(application) != null)));
    }

    /** Takes the address out; whether it was still in (false: taken out before). Empty for a link that is not right. */
    Optional<Boolean> remove(UUID applicationId, String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> applications
                        .findByIdOptional(applicationId, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(application -> {
                            String address = held(application);
                            if (address == null) {
                                return Optional.of(false);
                            }
                            if (!links.matches(application.id, address, token)) {
                                return Optional.empty();
                            }
                            application.applicant.email = null;
                            mails.addressRemoved(application.id);
                            signInLinks.revokeFor(application.id);
                            privacyRequests.applicationAddressChanged(application.id, address, null);
                            return Optional.of(true);
                        }));
    }

    private static String held(Application application) {
        return application.applicant.email;
    }
}
