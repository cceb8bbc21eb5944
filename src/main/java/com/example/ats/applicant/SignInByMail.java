package com.example.ats.applicant;

import com.example.ats.application.AccessTokens;
import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.mail.MailOutbox;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimits;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Signing in without the access code: a single-use link, valid for minutes, mailed to the address an application
 * holds, which opens the same portal session as the code. Asking tells nobody whether the address applied: the
 * answer is the same, and the limits count every address typed, known or not.
 */
@ApplicationScoped
public class SignInByMail {

    private static final String ACTOR = "applicant";
    /** An address that applied often gets links to its newest applications only. */
    private static final int MAX_APPLICATIONS = 5;

    private final SignInLinks links;
    private final ApplicationRepository applications;
    private final MailOutbox mails;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration lifetime;
    private final RateLimits limits;
    private final ManagedExecutor background;

    SignInByMail(
            SignInLinks links,
            ApplicationRepository applications,
            MailOutbox mails,
            AuditLog audit,
            Clock clock,
            SelfServiceConfig config,
            RateLimits limits,
            ManagedExecutor background) {
        this.background = background;
        this.links = links;
        this.applications = applications;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
        this.lifetime = config.signInLinkLifetime();
        this.limits = limits;
    }

    /** How long a link works. */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Mails a link for each application held under the address (to the address the application holds). 429 when this
     * client asked too often; past the address's own limit, nothing more is sent to it, and the answer is the same.
     */
    public void request(String email, String clientAddress) {
        RateLimits.Verdict asked = limits.take(RateLimit.SIGN_IN_LINKS_PER_CLIENT, clientAddress);
        if (!asked.allowed()) {
            throw RateLimits.refusal(asked, "Too many sign-in links asked from this address");
        }
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        // the bucket's key is the address's hash: the limiter's memory holds no e-mail address
        if (!limits.take(RateLimit.SIGN_IN_LINKS_PER_ADDRESS, HexFormat.of().formatHex(AccessTokens.hash(address)))
                .allowed()) {
            return;
        }
        // after the answer, so that its time does not tell whether the address applied
        background.runAsync(() -> mailLinks(address)).exceptionally(failure -> {
            Log.warnf(
                    "Sign-in links could not be prepared: %s",
                    failure.getClass().getSimpleName());
            return null;
        });
    }

    private void mailLinks(String address) {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            Instant validUntil = now.plus(lifetime);
            for (Application application : applications.heldUnder(address, MAX_APPLICATIONS)) {
                UUID link = links.create(application.id, now, validUntil);
                mails.signInLink(
                        link, application.id, application.applicant.email, application.mailLanguage(), validUntil);
            }
        });
    }

    /**
     * What a link opens, shown before it is used, so that whoever holds it sees whose application it is: the day it
     * was sent and its address, masked ("s***@example.org"). None when the link is unknown, used or expired.
     */
    public Optional<LinkTarget> whatOpens(String token) {
        return links.peek(token, clock.instant())
                .flatMap(id -> QuarkusTransaction.requiringNew()
                        .call(() -> applications
                                .findByIdOptional(id)
                                .map(application ->
                                        new LinkTarget(application.appliedAt, masked(application.applicant.email)))));
    }

    /** The application a link opens, as its page tells it. */
    public record LinkTarget(Instant appliedAt, String address) {}

    public static String masked(String email) {
        if (email == null) {
            return "***";
        }
        int at = email.lastIndexOf('@');
        return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    /** Opens the session of a mailed link: the application, once, while the link is valid. */
    public Optional<UUID> open(String token) {
        Optional<UUID> opened = links.use(token, clock.instant());
        opened.ifPresent(id -> audit.record(ACTOR, ACTOR, AuditAction.SELF_PORTAL_OPENED, id, "with a mailed link"));
        return opened;
    }
}
