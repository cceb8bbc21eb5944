package com.example.ats.portal;

import com.example.ats.applicant.SignInByMail;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ClientAddress;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Signing in to the portal without the access code: ask for a link by e-mail address, then open it (GET shows a
 * button, POST signs in, once). The rules are {@link SignInByMail}'s.
 */
@Path(PortalSessions.PATH + "/link")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PortalLinkResource {

    private final SignInByMail signIn;
    private final PortalDoor door;
    private final PortalPages pages;

    PortalLinkResource(SignInByMail signIn, PortalDoor door, PortalPages pages) {
        this.signIn = signIn;
        this.door = door;
        this.pages = pages;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response ask(
            @FormParam("email") String email,
            @FormParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return door.fromOwnPage(request, locale, () -> {
            try {
                signIn.request(email, ClientAddress.of(request));
            } catch (ApiException e) {
                return pages.login(locale, null, e.type().status(), "portal_tooMany");
            }
            return pages.linkSent(locale, signIn.lifetime());
        });
    }

    @GET
    @Path("/{token}")
    @Operation(hidden = true)
    public Response show(
            @PathParam("token") String token,
            @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return signIn.whatOpens(token)
                .map(target -> pages.link(locale, PortalSessions.PATH + "/link/" + token, target))
                .orElseGet(() -> pages.login(locale, null, 410, "portal_linkUsed"));
    }

    @POST
    @Path("/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response open(
            @PathParam("token") String token,
            @FormParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Context HttpServerRequest request) {
        Locale locale = Language.of(lang, acceptLanguage).locale();
        return door.fromOwnPage(
                request,
                locale,
                () -> signIn.open(token)
                        .map(id -> door.signedIn(id, locale))
                        .orElseGet(() -> pages.login(locale, null, 410, "portal_linkUsed")));
    }
}
