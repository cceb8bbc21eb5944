package com.example.ats.purge;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Cursor;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.Roles;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The privacy officer's view of the purge: what will go, what went, a purge on demand and the replay after a restore. */
@Path("/api/v1/retention")
@Tag(name = "Privacy officer")
@Produces(MediaType.APPLICATION_JSON)
public class PurgeResource {

    private final Purger purger;
    private final PurgeReplay replay;
    private final PurgeRecordRepository records;
    private final AuditLog audit;
    private final Caller caller;
    private final Clock clock;

    PurgeResource(
            Purger purger,
            PurgeReplay replay,
            PurgeRecordRepository records,
            AuditLog audit,
            Caller caller,
            Clock clock) {
        this.purger = purger;
        this.replay = replay;
        this.records = records;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Path("/runs")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(operationId = "runPurge", summary = "Purge now everything that is due, as the scheduled run does")
    @APIResponse(
            responseCode = "200",
            description = "The run finished",
            content = @Content(schema = @Schema(implementation = PurgeRunView.class)))
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public PurgeRunView run() {
        Purger.Run run = purger.run();
        audit.record(caller.subject(), caller.role(), AuditAction.RETENTION_RUN, null, "purged=" + run.purged());
        if (!run.completed()) {
            throw new ApiException(
                    ProblemType.SERVICE_UNAVAILABLE,
                    "The purge stopped early (object store unavailable) after " + run.purged()
                            + " application(s); the rest stays until the next run");
        }
        return new PurgeRunView(run.startedAt(), run.finishedAt(), run.purged(), run.objectsRemoved());
    }

    @GET
    @Path("/purges")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "listPurgeRecords",
            summary = "The proof of deletion: purge records, oldest first, a page at a time")
    @APIResponse(
            responseCode = "200",
            description = "A page; `Link: rel=\"next\"` and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = PurgeRecordPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response purges(
            @QueryParam("applicationId") @Parameter(description = "Only this application's record") UUID applicationId,
            @QueryParam("reason") @Parameter(description = "Only records with this reason") PurgeRecord.Reason reason,
            @QueryParam("from") @Parameter(description = "Purged at or after this instant") Instant from,
            @QueryParam("to") @Parameter(description = "Purged before this instant") Instant to,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uriInfo) {
        Slice<PurgeRecordView> slice = page.read(
                        (after, limit) -> records.page(applicationId, reason, from, to, after, limit),
                        last -> new Cursor(last.purgedAt, last.id))
                .map(PurgeRecordView::from);
        return Links.page(uriInfo, slice, next -> new PurgeRecordPage(slice.items(), slice.nextCursor(), next));
    }

    @POST
    @Path("/purges/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "replayPurgeRecords",
            summary =
                    "After restoring a backup: remove again every application that the given purge records say is gone",
            description = "Send the purge records exported (GET /retention/purges) since the backup was taken, at most"
                    + " 10,000 per request. Objects first, then rows; lost purge records are written back with their"
                    + " original times and reasons. Idempotent: replaying again changes nothing. Refused whole (409, naming the"
                    + " applications) when a record could not have happened: purged in the future or before the"
                    + " application, EXPIRED while the restored application was not due, or under a legal hold.")
    @APIResponse(
            responseCode = "200",
            description = "Replayed",
            content = @Content(schema = @Schema(implementation = PurgeReplayView.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public PurgeReplayView replay(@NotNull @Valid PurgeReplayRequest request) {
        PurgeReplay.Outcome outcome = replay.replay(
                request.records().stream().map(PurgeRecordView::recorded).toList());
        audit.record(
                caller.subject(),
                caller.role(),
                AuditAction.PURGE_RECORDS_REPLAYED,
                null,
                "records=" + outcome.records() + " removed=" + outcome.applicationsRemoved() + " restored="
                        + outcome.recordsRestored());
        return new PurgeReplayView(
                outcome.records(),
                outcome.applicationsRemoved(),
                outcome.objectsRemoved(),
                outcome.recordsRestored(),
                outcome.keysDestroyed());
    }

    @GET
    @Path("/preview")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.HR_ADMIN})
    @Operation(
            operationId = "previewPurge",
            summary = "What will be purged by a moment (held applications excluded), soonest first, at most 1000")
    @APIResponse(
            responseCode = "200",
            description = "Applications due by then",
            content = @Content(schema = @Schema(implementation = DueApplicationView[].class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public List<DueApplicationView> preview(
            @QueryParam("until") @Parameter(description = "Instant, e.g. 2026-12-31T23:00:00Z; default now")
                    Instant until) {
        return records.due(until == null ? clock.instant() : until);
    }
}
