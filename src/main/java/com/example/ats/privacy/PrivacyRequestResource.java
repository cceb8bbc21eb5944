package com.example.ats.privacy;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.FreeText;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.Roles;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
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

/** The privacy officer's desk: requests received by e-mail, post or phone, each with its four-week due date. */
@Path("/api/v1/privacy-requests")
@Tag(name = "Privacy officer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class PrivacyRequestResource {

    private final PrivacyRequestService service;
    private final PrivacyRequestRepository requests;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    PrivacyRequestResource(
            PrivacyRequestService service,
            PrivacyRequestRepository requests,
            AuditLog audit,
            Caller caller,
            Clock clock) {
        this.service = service;
        this.requests = requests;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    /** A request as it reached the company. */
    @Schema(name = "NewPrivacyRequest")
    public record NewPrivacyRequest(
            @NotNull @Schema(required = true) PrivacyRequest.Type type,

            @NotBlank @Email @Size(max = 254) @Schema(required = true, description = "The applicant's e-mail address")
            String email,

            @NotNull @Schema(required = true, description = "When the request reached the company")
            Instant receivedAt,

            @NotNull
            @Pattern(regexp = "EMAIL|POST|PHONE|IN_PERSON", message = "must be EMAIL, POST, PHONE or IN_PERSON")
            @Schema(required = true, example = "EMAIL")
            String channel,

            @Pattern(regexp = "nl|en", message = "must be nl or en")
            @Schema(
                    description = "The language of the mails to the requester: nl or en; without it, that of their"
                            + " latest application, else Dutch",
                    example = "nl")
            String language) {}

    /** How the request was answered. */
    @Schema(name = "PrivacyRequestOutcome")
    public record Outcome(
            @NotBlank
            @Size(max = 2000)
            @FreeText(multiline = true)
            @Schema(
                    required = true,
                    description = "How it was answered, in words; removed with the requester's e-mail address once"
                            + " the applications are gone (see outcomeCode)",
                    example = "Export sent by e-mail on 2026-12-01")
            String outcome,

            @Schema(description = "What the answer was, kept as proof after the words are removed; default FULFILLED")
            PrivacyRequest.OutcomeCode outcomeCode) {}

    /** A page of requests. */
    @Schema(name = "PrivacyRequestPage")
    public record PrivacyRequestPage(
            List<PrivacyRequestView> items,
            String nextCursor,

            @Schema(
                    description = "The next page, relative to the service; absent on the last page",
                    format = "uri-reference")
            URI next) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "registerPrivacyRequest",
            summary =
                    "Register a request received by e-mail, post or phone; it is linked to the requester's applications")
    @APIResponse(
            responseCode = "201",
            description = "Registered, with its due date",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response register(@Valid @NotNull NewPrivacyRequest request) {
        PrivacyRequestView registered = service.register(new PrivacyRequestService.Registration(
                request.type(),
                request.email(),
                request.receivedAt(),
                request.channel(),
                caller.subject(),
                null,
                request.language()));
        audit.record(
                caller.subject(),
                caller.role(),
                AuditAction.PRIVACY_REQUEST_REGISTERED,
                null,
                request.type().name());
        return Response.created(URI.create("/api/v1/privacy-requests/" + registered.id()))
                .entity(registered)
                .build();
    }

    @GET
    @Transactional
    @Operation(operationId = "listPrivacyRequests", summary = "Requests by due date, soonest first, with overdue flags")
    @APIResponse(
            responseCode = "200",
            description = "A page; `Link: rel=\"next\"` and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = PrivacyRequestPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    public Response list(
            @QueryParam("status") @Parameter(description = "OPEN or CLOSED; absent: both") PrivacyRequest.Status status,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uriInfo) {
        Instant now = clock.instant();
        Slice<PrivacyRequestView> slice = page.read(
                        (after, limit) -> requests.page(status, after, limit), last -> new Cursor(last.dueAt, last.id))
                .map(r -> PrivacyRequestView.of(r, now));
        audit.record(
                caller.subject(),
                caller.role(),
                AuditAction.PRIVACY_REQUESTS_LISTED,
                null,
                "status=" + (status == null ? "ANY" : status) + ";items="
                        + slice.items().size());
        return Links.page(uriInfo, slice, next -> new PrivacyRequestPage(slice.items(), slice.nextCursor(), next));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPrivacyRequest", summary = "One request")
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PrivacyRequestView get(@PathParam("id") UUID id) {
        PrivacyRequestView request = service.get(id);
        audit.record(caller.subject(), caller.role(), AuditAction.PRIVACY_REQUEST_READ, null, "request " + id);
        return request;
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "closePrivacyRequest", summary = "Close a request with its outcome")
    @APIResponse(
            responseCode = "200",
            description = "The closed request",
            content = @Content(schema = @Schema(implementation = PrivacyRequestView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public PrivacyRequestView close(@PathParam("id") UUID id, @Valid @NotNull Outcome outcome) {
        PrivacyRequestView closed = service.close(id, outcome.outcome(), outcome.outcomeCode());
        audit.record(caller.subject(), caller.role(), AuditAction.PRIVACY_REQUEST_CLOSED, null, "request " + id);
        return closed;
    }
}
