package com.example.ats.portal;

import com.example.ats.applicant.ApplicantActions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who is inside the portal: signing in (only from the portal's own pages), the session of a cookie while its
 * application exists, and the rule for changes.
 */
@ApplicationScoped
class PortalDoor {

    private final PortalSessions sessions;
    private final ApplicantActions actions;
    private final PortalPages pages;
    private final Clock clock;

    PortalDoor(PortalSessions sessions, ApplicantActions actions, PortalPages pages, Clock clock) {
        this.sessions = sessions;
        this.actions = actions;
        this.pages = pages;
        this.clock = clock;
    }

    /** The session of the cookie, while it lasts and its application exists. */
    Optional<PortalSessions.Session> session(String cookie) {
        return sessions.read(cookie, clock.instant()).filter(s -> actions.exists(s.applicationId()));
    }

    /** Opens a session on the application the visitor signed in to (with the code or a mailed link). */
    Response signedIn(UUID applicationId, Locale locale) {
        return Response.seeOther(URI.create(PortalSessions.PATH + "?lang=" + locale.getLanguage()))
                .cookie(sessions.cookie(sessions.open(applicationId, clock.instant())))
                .build();
    }

    /** A sign-in form's post: done when it came from our own page, refused when a browser says it did not. */
    Response fromOwnPage(HttpServerRequest request, Locale locale, Supplier<Response> signIn) {
        return SignInOrigin.sameOrigin(request) ? signIn.get() : pages.login(locale, null, 403, "portal_formExpired");
    }

    /** A change: only in an open session, and only with the session's form token (a forged form has none). */
    Response change(String cookie, String formToken, Locale locale, Function<PortalSessions.Session, Response> action) {
        Optional<PortalSessions.Session> session = session(cookie);
        if (session.isEmpty()) {
            return pages.login(locale, null, 401, "portal_sessionOver");
        }
        if (!sessions.formTokenMatches(session.get(), formToken)) {
            return pages.login(locale, null, 403, "portal_formExpired");
        }
        return action.apply(session.get());
    }
}
