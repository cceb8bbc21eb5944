package com.example.ats.event;

import com.example.ats.shared.Caller;
import com.example.ats.shared.Links;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change feed: HR tools that cannot receive webhooks pull the same events, in order, from a cursor. */
@Path("/api/v1/events")
@Tag(name = "HR tools")
@Produces(MediaType.APPLICATION_JSON)
public class EventFeedResource {

    private final EventFeed feed;
    private final Caller caller;

    EventFeedResource(EventFeed feed, Caller caller) {
        this.feed = feed;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.HR_ADMIN, Roles.HR_INTEGRATION, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "listEvents",
            summary = "The change feed: events after a cursor, oldest first",
            description = "Keep the `nextCursor` and ask again with it: no event is skipped or repeated. Events are"
                    + " kept for a limited period (30 days unless configured); a cursor older than that, or not"
                    + " from this feed, is 410: read the current state through the API and start again without"
                    + " `after`. Each role gets the types it may know: HR tools and HR admins the application and"
                    + " vacancy events, HR admins `webhook.disabled`, the privacy officer the privacy-request events.")
    @APIResponse(
            responseCode = "200",
            description = "A page, possibly empty; `Link: rel=\"next\"` and `next` point to where to continue",
            headers = @Header(name = "Link", ref = com.example.ats.shared.ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response list(
            @QueryParam("after") @Parameter(description = "The `nextCursor` of the previous page; none to start")
                    String after,
            @QueryParam("types")
                    @Parameter(
                            description = "Only these event types, comma-separated or repeated (e.g."
                                    + " `application.erased,application.purged`)")
                    List<String> types,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(1)
                    @Max(1000)
                    @Parameter(description = "Page size, 1 to 1000")
                    int limit,
            @Context UriInfo uriInfo) {
        EventFeed.Page page = feed.read(after, EventFeed.types(types), limit, caller::hasRole);
        String nextCursor = page.next();
        URI next = Links.next(uriInfo, "after", nextCursor);
        return Links.withNext(Response.ok(new EventPage(page.events(), nextCursor, next)), next)
                .build();
    }
}
