package com.example.ats.self;

import com.example.ats.applicant.ApplicantActions;
import com.example.ats.applicant.Objection;
import com.example.ats.retention.RetentionConsentState;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The applicant's decisions about their own application, with the access token from intake in the
 * {@code Applicant-Token} header: give or withdraw consent, object, erase everything now. Reading and correcting are
 * in {@link SelfApplicationResource}; the rules and the audit of both are {@link ApplicantActions}'.
 */
@Path("/api/v1/self/application")
@PermitAll // the Applicant-Token authenticates here, not a Keycloak token
@Tag(name = "Applicants")
@Produces(MediaType.APPLICATION_JSON)
public class SelfDecisionsResource {

    private final ApplicantSession session;
    private final ApplicantActions actions;

    SelfDecisionsResource(ApplicantSession session, ApplicantActions actions) {
        this.session = session;
        this.actions = actions;
    }

    /** Your answer to the retention question. */
    @Schema(name = "SelfConsentRequest")
    public record SelfConsentRequest(
            @NotNull @Schema(required = true, description = "true: keep my file 12 months from now; false: withdraw")
            Boolean granted,

            @Size(max = 32)
            @Schema(description = "The consent text you agreed to; required when granting", example = "2026-01")
            String textVersion) {}

    @PUT
    @Path("/retention-consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "answerOwnRetentionConsent",
            summary = "Give or withdraw your consent to keep your file; the deletion date changes at once")
    @APIResponse(
            responseCode = "200",
            description = "Your consent and the new deletion date",
            content = @Content(schema = @Schema(implementation = RetentionConsentState.class)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public RetentionConsentState consent(
            @HeaderParam(SelfApplicationResource.TOKEN) @Parameter(description = "The access token from intake")
                    String token,
            @Context HttpServerRequest request,
            @Valid @NotNull SelfConsentRequest answer) {
        return actions.answerConsent(authenticate(token, request), answer.granted(), answer.textVersion());
    }

    @POST
    @Path("/objection")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "objectToProcessing",
            summary = "Object to the processing of your data",
            description = "Withdraws your consent to keep your file (the deletion date moves as for a withdrawal) and"
                    + " registers an objection for the privacy officer, who answers within four weeks.")
    @APIResponse(
            responseCode = "202",
            description = "Recorded: the consent state now, and the privacy officer has your objection",
            content = @Content(schema = @Schema(implementation = RetentionConsentState.class)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response object(
            @HeaderParam(SelfApplicationResource.TOKEN) @Parameter(description = "The access token from intake")
                    String token,
            @Context HttpServerRequest request,
            @Valid Objection objection) {
        return Response.accepted(actions.object(authenticate(token, request), objection))
                .build();
    }

    @DELETE
    // No body to negotiate: a generated client asks only for application/problem+json here, and must not get 406.
    @Produces(MediaType.WILDCARD)
    @Operation(
            operationId = "eraseOwnApplication",
            summary = "Erase everything we hold about you, now",
            description = "Your files, your details and your consent history are deleted at once; what remains is a"
                    + " record that an application was erased (its id and dates, nothing about you). Your token stops"
                    + " working.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public void erase(
            @HeaderParam(SelfApplicationResource.TOKEN) @Parameter(description = "The access token from intake")
                    String token,
            @Context HttpServerRequest request) {
        actions.erase(authenticate(token, request));
    }

    /** The application the token opened; {@link ApplicantTokenFilter} checked it before the body was read. */
    private UUID authenticate(String token, HttpServerRequest request) {
        return session.applicationId();
    }
}
