package com.example.ats.portal;

import com.example.ats.applicant.ApplicantActions;
import com.example.ats.shared.Language;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimited;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The receipt's "this was not me" link: GET shows which application it is about and a button, and changes nothing
 * (mail scanners open links); only the button's POST, from this page, takes the address out. The rules are
 * {@link ApplicantActions#removeAddress}'s.
 */
@RateLimited(RateLimit.PUBLIC_READS)
@Path("/not-me/{application}/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class NotMeResource {

    private final ApplicantActions actions;
    private final PortalPages pages;

    NotMeResource(ApplicantActions actions, PortalPages pages) {
        this.actions = actions;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response show(
            @PathParam("application") String application,
            @PathParam("token") String token,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return pages.notMe(locale, id(application).flatMap(id -> actions.addressLink(id, token)), false, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(
            @PathParam("application") String application,
            @PathParam("token") String token,
            @FormParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        Optional<UUID> id = id(application);
        if (!SignInOrigin.sameOrigin(request)) { // a form on another site must not take anyone's address out
            return pages.notMe(locale, id.flatMap(known -> actions.addressLink(known, token)), false, 403);
        }
        boolean held = id.flatMap(known -> actions.addressLink(known, token))
                .map(ApplicantActions.AddressLink::addressHeld)
                .orElse(false);
        return pages.notMe(locale, id.flatMap(known -> actions.removeAddress(known, token)), held, 200);
    }

    private static Optional<UUID> id(String application) {
        try {
            return Optional.of(UUID.fromString(application));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
