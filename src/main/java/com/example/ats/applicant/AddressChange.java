package com.example.ats.applicant;

import com.example.ats.application.AccessTokens;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.event.EventType;
import com.example.ats.event.Outbox;
import com.example.ats.mail.MailOutbox;
import com.example.ats.privacy.PrivacyRequestService;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A changed e-mail address takes effect only when its owner confirms it: the applicant's correction mails a link to
 * the new address (and changes nothing yet); using the link makes it the application's address, tells the old one,
 * and ends the sign-in links sent to the old one. Until then every mail goes to the old address, so an applicant
 * cannot make the service mail someone else's inbox, nor link it to their requests.
 */
@ApplicationScoped
public class AddressChange {

    /** What an address link opens: the application's day and the address it would confirm. */
    public record Confirmable(Instant appliedAt, String newEmail) {}

    private final SignInLinks links;
    private final ApplicationRepository applications;
    private final MailOutbox mails;
    private final Outbox outbox;
    private final PrivacyRequestService privacyRequests;
    private final RateLimits limits;
    private final SelfServiceConfig config;
    private final Clock clock;

    AddressChange(
            SignInLinks links,
            ApplicationRepository applications,
            MailOutbox mails,
            Outbox outbox,
            PrivacyRequestService privacyRequests,
            RateLimits limits,
            SelfServiceConfig config,
            Clock clock) {
        this.links = links;
        this.applications = applications;
        this.mails = mails;
        this.outbox = outbox;
        this.privacyRequests = privacyRequests;
        this.limits = limits;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Mails a link to the new address, replacing one sent before. 429 when the address was sent too many links this
     * hour (sign-in and address links count together): the applicant's other corrections are kept.
     */
    void ask(UUID applicationId, String newEmail) {
        RateLimits.Verdict perApplication =
                limits.take(RateLimit.ADDRESS_LINKS_PER_APPLICATION, applicationId.toString());
        if (!perApplication.allowed()) {
            throw RateLimits.refusal(
                    perApplication,
                    "Too many new addresses for this application in a short time; your other corrections are saved");
        }
        String mailbox = MailOutbox.mailbox(newEmail);
        RateLimits.Verdict verdict =
                limits.take(RateLimit.SIGN_IN_LINKS_PER_ADDRESS, HexFormat.of().formatHex(AccessTokens.hash(mailbox)));
        if (!verdict.allowed()) {
            throw RateLimits.refusal(
                    verdict,
                    "Too many links were mailed to the new address in a short time; your other corrections are saved");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Application application = applications.findById(applicationId);
            Instant now = clock.instant();
            Instant validUntil = now.plus(config.addressLinkLifetime());
            UUID link = links.createAddressLink(applicationId, newEmail, now, validUntil);
            mails.addressConfirmation(link, applicationId, newEmail, application.mailLanguage(), validUntil);
        });
    }

    /** What a link would confirm, without using it: none when it is unknown, used, replaced or expired. */
    Optional<Confirmable> peek(String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> links.peekAddressLink(token, clock.instant())
                        .flatMap(link -> applications
                                .findByIdOptional(link.applicationId())
                                .map(application -> new Confirmable(application.appliedAt, link.newEmail()))));
    }

    /** Uses the link: the new address is the application's from now on; none when the link does not work. */
    Optional<UUID> confirm(String token) {
        return QuarkusTransaction.requiringNew()
                .call(() -> links.useAddressLink(token, clock.instant())
                        .flatMap(link -> applications
                                .findByIdOptional(link.applicationId(), LockModeType.PESSIMISTIC_WRITE)
                                .map(application -> {
                                    String old = application.applicant.email;
                                    application.applicant.email = link.newEmail();
                                    links.revokeFor(application.id); // the sign-in links went to the old address
                                    mails.addressChangedTo(application.id, link.newEmail());
                                    if (old != null) {
                                        privacyRequests.applicationAddressChanged(application.id, old, link.newEmail());
                                    }
                                    outbox.record(
                                            EventType.APPLICATION_RECTIFIED,
                                            application.id,
                                            "fields",
                                            List.of("email"));
                                    if (old != null && !old.equalsIgnoreCase(link.newEmail())) {
                                        mails.addressChanged(
                                                application.id,
                                                old,
                                                application.mailLanguage(),
                                                SignInByMail.masked(link.newEmail()));
                                    }
                                    return application.id;
                                })));
    }
}
