package com.example.ats.hr;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.ETags;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.Roles;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What recruiters and HR tools use all day: find applications, read one, move it through the pipeline. */
@Path("/api/v1/applications")
@Tag(name = "Staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffApplicationResource {

    private final ApplicationSearchRepository search;
    private final StaffApplicationService applications;
    private final AuditLog audit;
    private final Caller caller;

    StaffApplicationResource(
            ApplicationSearchRepository search, StaffApplicationService applications, AuditLog audit, Caller caller) {
        this.search = search;
        this.applications = applications;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.PRIVACY_OFFICER, Roles.HR_INTEGRATION})
    @Operation(
            operationId = "listApplications",
            summary = "Find applications, oldest first, a page at a time",
            description = "Summaries only (no address, phone or birth date). Stable order by appliedAt, then id;"
                    + " follow `next` (or the Link header) for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "A page; `Link: rel=\"next\"` and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = ApplicationPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response list(
            @Valid @BeanParam ApplicationFilter filter, @Valid @BeanParam PageRequest page, @Context UriInfo uriInfo) {
        Slice<ApplicationSummary> slice = page.read(
                (after, limit) -> search.page(filter, after, limit), last -> new Cursor(last.appliedAt(), last.id()));
        audit.record(
                caller.subject(),
                caller.role(),
                AuditAction.APPLICATIONS_LISTED,
                null,
                filterNames(filter, slice.items().size()));
        return Links.page(uriInfo, slice, next -> new ApplicationPage(slice.items(), slice.nextCursor(), next));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.PRIVACY_OFFICER, Roles.HR_INTEGRATION})
    @Operation(
            operationId = "getApplication",
            summary = "Read an application: applicant, status history, documents, consent, expiry, hold")
    @APIResponse(
            responseCode = "200",
            description = "The application",
            headers = @Header(name = "ETag", ref = ApiDefinition.VERSION_ETAG),
            content = @Content(schema = @Schema(implementation = ApplicationDetail.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response detail(@PathParam("id") UUID id) {
        ApplicationDetail detail = applications.detail(id);
        audit.record(caller.subject(), caller.role(), AuditAction.APPLICATION_READ, id, null);
        return Response.ok(detail).tag(ETags.of(detail.version())).build();
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.HR_INTEGRATION})
    @Operation(
            operationId = "changeApplicationStatus",
            summary = "Move an application through the pipeline",
            description = "RECEIVED → SCREENING → INTERVIEW → OFFER → HIRED, or REJECTED / WITHDRAWN from any open"
                    + " state. Needs the ETag of the version you read in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The application after the change",
            headers =
                    @Header(name = "ETag", description = "The new version", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = ApplicationDetail.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response changeStatus(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH)
                    @Parameter(description = "ETag of the version you read", schema = @Schema(type = SchemaType.STRING))
                    String ifMatch,
            @Valid @NotNull StatusChangeRequest request) {
        ETags.IfMatch version = ETags.requireMatch(ifMatch);
        ApplicationDetail changed =
                applications.changeStatus(id, version, request.status(), caller.subject(), caller.role());
        audit.record(caller.subject(), caller.role(), AuditAction.STATUS_CHANGED, id, "to " + request.status());
        return Response.ok(changed).tag(ETags.of(changed.version())).build();
    }

    /** Which filters a list used (names only: a search text may be a name) and how many items it returned. */
    private static String filterNames(ApplicationFilter filter, int count) {
        List<String> used = new ArrayList<>();
        if (filter.vacancyId != null) used.add("vacancyId");
        if (filter.status != null && !filter.status.isEmpty()) used.add("status");
        if (filter.appliedFrom != null) used.add("appliedFrom");
        if (filter.appliedTo != null) used.add("appliedTo");
        if (filter.q != null) used.add("q");
        if (filter.expiresBefore != null) used.add("expiresBefore");
        return "filters=" + String.join(",", used) + ";items=" + count;
    }
}
