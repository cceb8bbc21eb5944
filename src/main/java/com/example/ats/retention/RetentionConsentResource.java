package com.example.ats.retention;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.consent.ConsentChannel;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff record a retention consent (or its withdrawal) that the applicant gave by e-mail, phone or letter. */
@Path("/api/v1/applications/{id}/retention-consent")
@Tag(name = "Staff")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionConsentResource {

    private final RetentionConsentService consents;
    private final AuditLog audit;
    private final Caller caller;

    RetentionConsentResource(RetentionConsentService consents, AuditLog audit, Caller caller) {
        this.consents = consents;
        this.audit = audit;
        this.caller = caller;
    }

    /** The applicant's answer and how it reached us. */
    @Schema(name = "StaffConsentRequest")
    public record StaffConsentRequest(
            @NotNull @Schema(description = "true: keep the file 12 months from now; false: withdraw", required = true)
            Boolean granted,

            @Size(max = 32)
            @Schema(description = "Consent text the applicant agreed to; required when granted", example = "2026-01")
            String textVersion,

            @NotNull
            @Schema(
                    description =
                            "How the applicant told us: EMAIL, PHONE, POST or IN_PERSON (WEB is the applicant's own)",
                    required = true)
            ConsentChannel channel) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "recordRetentionConsent",
            summary = "Record a consent given or withdrawn by another channel; the expiry is recomputed at once",
            description = "Appends a consent event (who recorded it, when, which text) and returns the new state."
                    + " A grant keeps the file for the consent period from now; a withdrawal brings the expiry back"
                    + " to the no-consent date, or now when that has passed.")
    @APIResponse(
            responseCode = "200",
            description = "The consent state and expiry after the change",
            content = @Content(schema = @Schema(implementation = RetentionConsentState.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public RetentionConsentState record(@PathParam("id") UUID id, @Valid @NotNull StaffConsentRequest request) {
        if (request.channel() == ConsentChannel.WEB) {
            throw ApiException.invalidField(
                    "channel", "WEB is the applicant's own channel; staff record EMAIL, PHONE, POST or IN_PERSON");
        }
        RetentionConsentState state = consents.record(
                id,
                new RetentionConsentService.Answer(
                        request.granted(),
                        request.textVersion(),
                        request.channel(),
                        caller.subject(),
                        caller.hasRole(Roles.PRIVACY_OFFICER)));
        audit.record(
                caller.subject(),
                caller.role(),
                AuditAction.CONSENT_RECORDED,
                id,
                state.lastAction() + " via " + state.channel());
        return state;
    }
}
