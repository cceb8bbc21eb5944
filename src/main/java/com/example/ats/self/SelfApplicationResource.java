package com.example.ats.self;

import com.example.ats.applicant.ApplicantActions;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.intake.ApplicationForm;
import com.example.ats.shared.Language;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The applicant's own door, opened by the access token given at intake in the {@code Applicant-Token} header
 * (never in a URL): see everything, download their files and the export, correct their details. Their decisions
 * (consent, objection, erasure) are in {@link SelfDecisionsResource}.
 */
@Path("/api/v1/self/application")
@PermitAll // the Applicant-Token authenticates here, not a Keycloak token
@Tag(name = "Applicants")
@Produces(MediaType.APPLICATION_JSON)
public class SelfApplicationResource {

    static final String TOKEN = "Applicant-Token";

    private final ApplicantSession session;
    private final ApplicantActions actions;

    SelfApplicationResource(ApplicantSession session, ApplicantActions actions) {
        this.session = session;
        this.actions = actions;
    }

    @GET
    @Operation(operationId = "getOwnApplication", summary = "Everything we hold about you, and what happens to it when")
    @APIResponse(
            responseCode = "200",
            description = "Your application",
            content = @Content(schema = @Schema(implementation = ApplicantDataView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response view(
            @HeaderParam(TOKEN) @Parameter(description = "The access token from intake") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Parameter(description = "nl (the default) or en: the language of `whatHappens`")
                    String language,
            @Context HttpServerRequest request) {
        UUID id = authenticate(token, request);
        return inLanguage(language, locale -> actions.view(id, locale));
    }

    @GET
    @Path("/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadOwnDocument", summary = "Download one of your files")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response document(
            @HeaderParam(TOKEN) @Parameter(description = "The access token from intake") String token,
            @PathParam("documentId") UUID documentId,
            @Context HttpServerRequest request) {
        return actions.download(authenticate(token, request), documentId);
    }

    @GET
    @Path("/export")
    @Produces("application/zip")
    @Operation(
            operationId = "exportOwnApplication",
            summary = "Everything we hold about you in one ZIP, to take elsewhere (data portability)",
            description = "application.json (all data, machine-readable), your original files, and a README.txt.")
    @APIResponse(
            responseCode = "200",
            description = "The archive, streamed",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response export(
            @HeaderParam(TOKEN) @Parameter(description = "The access token from intake") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Parameter(description = "nl (the default) or en: the language of `whatHappens`")
                    String language,
            @Context HttpServerRequest request) {
        return actions.export(
                authenticate(token, request), Language.preferred(language).locale());
    }

    @PATCH
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "rectifyOwnApplication",
            summary = "Correct your details (JSON Merge Patch of `applicant`; null removes an optional field)",
            description = "The same rules as when you applied. Answers everything we now hold.")
    @APIResponse(
            responseCode = "200",
            description = "Your application after the correction",
            content = @Content(schema = @Schema(implementation = ApplicantDataView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response rectify(
            @HeaderParam(TOKEN) @Parameter(description = "The access token from intake") String token,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Parameter(description = "nl (the default) or en: the language of `whatHappens`")
                    String language,
            @Context HttpServerRequest request,
            @NotNull
                    @RequestBody(
                            content =
                                    @Content(schema = @Schema(implementation = ApplicationForm.ApplicantDetails.class)))
                    JsonNode patch) {
        UUID id = authenticate(token, request);
        actions.correct(id, patch);
        return inLanguage(language, locale -> actions.view(id, locale));
    }

    /** The application the token opened; {@link ApplicantTokenFilter} checked it before the body was read. */
    private UUID authenticate(String token, HttpServerRequest request) {
        return session.applicationId();
    }

    /** The view in the language the applicant asked for (Dutch by default), saying which in Content-Language. */
    private static Response inLanguage(String acceptLanguage, Function<Locale, ApplicantDataView> view) {
        Locale locale = Language.preferred(acceptLanguage).locale();
        return Response.ok(view.apply(locale))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .build();
    }
}
