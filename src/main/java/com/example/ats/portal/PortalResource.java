package com.example.ats.portal;

import com.example.ats.applicant.ApplicantActions;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ClientAddress;
import com.example.ats.shared.Language;
import com.example.ats.shared.ProblemType;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The privacy portal, reading: the applicant types their access code into a form (never a URL), then sees what is
 * held and when it will be deleted, and downloads files and the export. The changes are in
 * {@link PortalChangesResource}; the rules and the audit of both are {@link ApplicantActions}'.
 */
@Path(PortalSessions.PATH)
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    private final PortalDoor door;
    private final PortalSessions sessions;
    private final PortalPages pages;
    private final ApplicantActions actions;

    PortalResource(PortalDoor door, PortalSessions sessions, PortalPages pages, ApplicantActions actions) {
        this.door = door;
        this.sessions = sessions;
        this.pages = pages;
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public Response overview(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @QueryParam("lang") String lang,
            @QueryParam("done") String done,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        Optional<PortalSessions.Session> session = door.session(cookie);
        if (session.isEmpty()) {
            boolean hadOne = cookie != null && !cookie.isEmpty();
            return pages.login(locale, null, 200, hadOne ? "portal_sessionOver" : null);
        }
        UUID id = session.get().applicationId();
        return pages.overview(session.get(), actions.view(id, locale), locale, done, Map.of(), Map.of(), 200);
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response login(
            @FormParam("token") String token,
            @FormParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return door.fromOwnPage(request, locale, () -> {
            try {
                return door.signedIn(actions.signIn(token, ClientAddress.of(request)), locale);
            } catch (ApiException e) {
                String error = e.type() == ProblemType.TOO_MANY_REQUESTS ? "portal_tooMany" : "portal_wrongToken";
                return pages.login(locale, error, e.type().status(), null);
            }
        });
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout(@FormParam("lang") String lang) {
        return Response.seeOther(URI.create(
                        PortalSessions.PATH + "?lang=" + Language.of(lang, null).code()))
                .cookie(sessions.cleared())
                .build();
    }

    @GET
    @Path("/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(hidden = true)
    public Response document(
            @CookieParam(PortalSessions.COOKIE) String cookie, @PathParam("documentId") String documentId) {
        Optional<PortalSessions.Session> session = door.session(cookie);
        UUID document = uuid(documentId);
        if (session.isEmpty() || document == null) {
            return Response.seeOther(URI.create(PortalSessions.PATH)).build();
        }
        return actions.download(session.get().applicationId(), document);
    }

    @GET
    @Path("/export")
    @Produces("application/zip")
    @Operation(hidden = true)
    public Response export(
            @CookieParam(PortalSessions.COOKIE) String cookie,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Optional<PortalSessions.Session> session = door.session(cookie);
        if (session.isEmpty()) {
            return Response.seeOther(URI.create(PortalSessions.PATH)).build();
        }
        return actions.export(
                session.get().applicationId(), Language.of(lang, acceptLanguage).locale());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
