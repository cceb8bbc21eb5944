package com.example.ats.retention;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.shared.Caller;
import com.example.ats.shared.FreeText;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A legal hold keeps an application past its expiry (a dispute, an investigation) until it is released. */
@Path("/api/v1/applications/{id}/legal-hold")
@Tag(name = "Privacy officer")
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    private final LegalHoldService holds;
    private final AuditLog audit;
    private final Caller caller;

    LegalHoldResource(LegalHoldService holds, AuditLog audit, Caller caller) {
        this.holds = holds;
        this.audit = audit;
        this.caller = caller;
    }

    /** Why the application is held, and optionally until when. */
    @Schema(name = "LegalHoldRequest")
    public record LegalHoldRequest(
            @NotBlank
            @Size(max = 500)
            @FreeText(multiline = true)
            @Schema(description = "Why; seen by staff only; no personal data", example = "Dispute 2026-114")
            String reason,

            @Schema(description = "When the hold ends by itself; absent: until released")
            Instant until) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "putLegalHold",
            summary = "Put or change a legal hold: the application is not purged while it holds")
    @APIResponse(
            responseCode = "200",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public LegalHoldView hold(@PathParam("id") UUID id, @Valid @NotNull LegalHoldRequest request) {
        LegalHoldView hold = holds.hold(id, request.reason(), request.until(), caller.subject());
        audit.record(caller.subject(), caller.role(), AuditAction.LEGAL_HOLD_SET, id, null);
        return hold;
    }

    @DELETE
    // No body to negotiate: a generated client asks only for application/problem+json here, and must not get 406.
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "releaseLegalHold",
            summary = "Release a legal hold: an expired application goes at the next purge run")
    @APIResponse(responseCode = "204", description = "Released (or there was none)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void release(@PathParam("id") UUID id) {
        holds.release(id);
        audit.record(caller.subject(), caller.role(), AuditAction.LEGAL_HOLD_RELEASED, id, null);
    }
}
