package com.example.ats.portal;

import com.example.ats.applicant.ApplicantActions;
import com.example.ats.applicant.Objection;
import com.example.ats.consent.ConsentTexts;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Language;
import com.example.ats.shared.ProblemType;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The privacy portal, changing: correct details, give or withdraw consent, object, erase. Each is a form POST with
 * the session's form token, answered with a redirect back to the overview (so a reload repeats nothing), or with the
 * overview and the error next to its field.
 */
@Path(PortalSessions.PATH)
@PermitAll
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PortalChangesResource {

    private final PortalDoor door;
    private final PortalPages pages;
    private final ApplicantActions actions;
    private final ConsentTexts consentTexts;

    PortalChangesResource(PortalDoor door, PortalPages pages, ApplicantActions actions, ConsentTexts consentTexts) {
        this.door = door;
        this.pages = pages;
        this.actions = actions;
        this.consentTexts = consentTexts;
    }

    @POST
    @Path("/consent")
    @Operation(hidden = true)
    public Response consent(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("choice") String choice,
            @FormParam("lang") String lang) {
        Locale locale = Language.of(lang, null).locale();
        return door.change(cookie, formToken, locale, session -> {
            if (!"give".equals(choice) && !"withdraw".equals(choice)) {
                return refused(session, locale, Map.of(), Map.of("consent", "portal_consent_choose"), 422);
            }
            boolean give = choice.equals("give");
            try {
                actions.answerConsent(session.applicationId(), give, give ? consentTexts.currentVersion() : null);
            } catch (ApiException e) {
                if (!tooMany(e)) {
                    throw e;
                }
                return refused(session, locale, Map.of(), Map.of("consent", "portal_error_tooMany"), 429);
            }
            return done(locale, give ? "consentGiven" : "consentWithdrawn");
        });
    }

    @POST
    @Path("/details")
    @Operation(hidden = true)
    public Response details(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("firstName") String firstName,
            @FormParam("lastName") String lastName,
            @FormParam("email") String email,
            @FormParam("phone") String phone,
            @FormParam("lang") String lang) {
        Locale locale = Language.of(lang, null).locale();
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("firstName", firstName);
        posted.put("lastName", lastName);
        posted.put("email", email);
        posted.put("phone", phone);
        return door.change(cookie, formToken, locale, session -> {
            try {
                if (actions.correct(session.applicationId(), DetailsForm.patch(posted))
                                .newEmail()
                        != null) {
                    return done(locale, "addressToConfirm");
                }
            } catch (ConstraintViolationException e) {
                return refused(session, locale, posted, DetailsForm.errors(e), 422);
            } catch (ApiException e) {
                if (tooMany(e)) {
                    return refused(session, locale, posted, Map.of("details", "portal_error_tooMany"), 429);
                }
                return refused(
                        session, locale, posted, DetailsForm.errors(e), e.type().status());
            }
            return done(locale, "details");
        });
    }

    @POST
    @Path("/objection")
    @Operation(hidden = true)
    public Response object(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("reason") String reason,
            @FormParam("lang") String lang) {
        Locale locale = Language.of(lang, null).locale();
        return door.change(cookie, formToken, locale, session -> {
            try {
                actions.object(session.applicationId(), new Objection(reason));
            } catch (ApiException e) {
                return tooMany(e)
                        ? refused(session, locale, Map.of(), Map.of("reason", "portal_error_tooMany"), 429)
                        : refused(session, locale, Map.of(), Map.of("reason", "portal_error_reason"), 422);
            } catch (ConstraintViolationException e) {
                return refused(session, locale, Map.of(), Map.of("reason", "portal_error_reason"), 422);
            }
            return done(locale, "objection");
        });
    }

    @POST
    @Path("/erase")
    @Operation(hidden = true)
    public Response erase(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @FormParam("form") String formToken,
            @FormParam("confirm") String confirm,
            @FormParam("lang") String lang) {
        Locale locale = Language.of(lang, null).locale();
        return door.change(cookie, formToken, locale, session -> {
            if (!"yes".equals(confirm)) {
                return refused(session, locale, Map.of(), Map.of("erase", "portal_erase_confirmFirst"), 422);
            }
            try {
                actions.erase(session.applicationId());
            } catch (ApiException e) {
                return refused(
                        session,
                        locale,
                        Map.of(),
                        Map.of("erase", "portal_erase_held"),
                        e.type().status());
            }
            return pages.erased(locale);
        });
    }

    /** The overview again, with what was typed and the errors next to their fields. */
    private Response refused(
            PortalSessions.Session session,
            Locale locale,
            Map<String, String> posted,
            Map<String, String> errors,
            int status) {
        var view = actions.view(session.applicationId(), locale);
        return pages.overview(session, view, locale, null, posted, errors, status);
    }

    /** The applicant changed the file too often in a short time (the per-application limit). */
    private static boolean tooMany(ApiException e) {
        return e.type() == ProblemType.TOO_MANY_REQUESTS;
    }

    private static Response done(Locale locale, String what) {
        return Response.seeOther(URI.create(PortalSessions.PATH + "?lang=" + locale.getLanguage() + "&done=" + what))
                .build();
    }
}
