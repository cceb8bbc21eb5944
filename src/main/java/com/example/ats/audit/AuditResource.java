package com.example.ats.audit;

import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.FreeText;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.Roles;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit trail, for the privacy officer: who read or changed which application, when. */
@Path("/api/v1/audit-events")
@Tag(name = "Privacy officer")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditEventRepository events;

    AuditResource(AuditEventRepository events) {
        this.events = events;
    }

    /** One audit event. */
    @Schema(name = "AuditEvent")
    public record AuditEventView(
            UUID id,
            Instant occurredAt,

            @Schema(description = "User name or service-account client id")
            String actor,

            String actorRole,

            @Schema(description = "e.g. APPLICATION_READ, DOCUMENT_DOWNLOADED, STATUS_CHANGED, LEGAL_HOLD_SET")
            String action,

            UUID applicationId,
            String requestId,

            @Schema(description = "Codes and field names only")
            String detail) {

        static AuditEventView of(AuditEvent event) {
            return new AuditEventView(
                    event.id,
                    event.occurredAt,
                    event.actor,
                    event.actorRole,
                    event.action,
                    event.applicationId,
                    event.requestId,
                    event.detail);
        }
    }

    /** A page of audit events. */
    @Schema(name = "AuditEventPage")
    public record AuditEventPage(
            List<AuditEventView> items,
            String nextCursor,

            @Schema(
                    description = "The next page, relative to the service; absent on the last page",
                    format = "uri-reference")
            URI next) {}

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "listAuditEvents", summary = "The audit trail, oldest first, a page at a time")
    @APIResponse(
            responseCode = "200",
            description = "A page; `Link: rel=\"next\"` and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = AuditEventPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response list(
            @QueryParam("applicationId") @Parameter(description = "Only events about this application")
                    UUID applicationId,
            @QueryParam("actor")
                    @FreeText
                    @Size(max = 200)
                    @Parameter(description = "Only events by this user or client")
                    String actor,
            @QueryParam("action") @FreeText @Size(max = 64) @Parameter(description = "Only this action") String action,
            @QueryParam("from") @Parameter(description = "At or after this instant") Instant from,
            @QueryParam("to") @Parameter(description = "Before this instant") Instant to,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uriInfo) {
        Slice<AuditEventView> slice = page.read(
                        (after, limit) -> events.page(applicationId, actor, action, from, to, after, limit),
                        last -> new Cursor(last.occurredAt, last.id))
                .map(AuditEventView::of);
        return Links.page(uriInfo, slice, next -> new AuditEventPage(slice.items(), slice.nextCursor(), next));
    }
}
