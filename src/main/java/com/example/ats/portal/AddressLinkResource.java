package com.example.ats.portal;

import com.example.ats.applicant.ApplicantActions;
import com.example.ats.shared.Language;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The link mailed to a new e-mail address: GET shows which address it confirms for which application, and changes
 * nothing (mail scanners open links); only the button's POST, from this page, makes it the application's address.
 * The rules are {@link ApplicantActions#confirmAddress}'s.
 */
@Path(PortalSessions.PATH + "/address/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AddressLinkResource {

    private final ApplicantActions actions;
    private final PortalPages pages;

    AddressLinkResource(ApplicantActions actions, PortalPages pages) {
        this.actions = actions;
        this.pages = pages;
    }

    @GET
    @Operation(hidden = true)
    public Response show(
            @PathParam("token") String token,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return pages.addressLink(locale, actions.addressToConfirm(token), false, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response confirm(
            @PathParam("token") String token,
            @FormParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        if (!SignInOrigin.sameOrigin(request)) { // a form on another site must not confirm an address
            return pages.addressLink(locale, actions.addressToConfirm(token), false, 403);
        }
        boolean confirmed = actions.confirmAddress(token).isPresent();
        return pages.addressLink(locale, Optional.empty(), confirmed, confirmed ? 200 : 410);
    }
}
