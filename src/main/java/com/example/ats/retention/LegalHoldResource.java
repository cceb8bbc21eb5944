package com.example.ats.retention;

import com.example.ats.application.Application;
import com.example.ats.application.ApplicationRepository;
import com.example.ats.audit.AuditLog;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A legal hold keeps an application past its expiry (a dispute, an investigation) until it is released. */
@Path("/api/v1/applications/{id}/legal-hold")
@Tag(name = "Retention")
@Produces(MediaType.APPLICATION_JSON)
public class LegalHoldResource {

    private final ApplicationRepository applications;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    LegalHoldResource(ApplicationRepository applications, AuditLog audit, Caller caller, Clock clock) {
        this.applications = applications;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** Why the application is held, and optionally until when. */
    @Schema(name = "LegalHoldRequest")
    public record LegalHoldRequest(
            @NotBlank @Size(max = 500) @Schema(description = "Why; seen by staff only", example = "Dispute 2026-114")
            String reason,

            @Schema(description = "When the hold ends by itself; absent: until released")
            Instant until) {}

    /** A hold in force. */
    @Schema(name = "LegalHold")
    public record LegalHoldView(UUID applicationId, String reason, Instant until, Instant setAt, String setBy) {}

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Transactional
    @Operation(summary = "Put or change a legal hold: the application is not purged while it holds")
    @APIResponse(
            responseCode = "200",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public LegalHoldView hold(@PathParam("id") UUID id, @Valid @NotNull LegalHoldRequest request) {
        Instant now = clock.instant();
        if (request.until() != null && !request.until().isAfter(now)) {
            throw ApiException.invalidField("until", "must be in the future");
        }
        Application application = find(id);
        application.legalHoldReason = request.reason().strip();
        application.legalHoldUntil = request.until();
        application.legalHoldSetAt = now;
        application.legalHoldSetBy = caller.subject();
        audit.record(caller.subject(), caller.role(), "LEGAL_HOLD_SET", id, null);
        return new LegalHoldView(
                id, application.legalHoldReason, application.legalHoldUntil, now, application.legalHoldSetBy);
    }

    @DELETE
    @RolesAllowed({Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Transactional
    @Operation(summary = "Release a legal hold: an expired application goes at the next purge run")
    @APIResponse(responseCode = "204", description = "Released (or there was none)")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void release(@PathParam("id") UUID id) {
        Application application = find(id);
        application.legalHoldReason = null;
        application.legalHoldUntil = null;
        application.legalHoldSetAt = null;
        application.legalHoldSetBy = null;
        audit.record(caller.subject(), caller.role(), "LEGAL_HOLD_RELEASED", id, null);
    }

    private Application find(UUID id) {
        return applications.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Application"));
    }
}
