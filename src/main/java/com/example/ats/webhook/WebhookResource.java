package com.example.ats.webhook;

import com.example.ats.shared.ApiDefinition;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Links;
import com.example.ats.shared.PageRequest;
import com.example.ats.shared.Roles;
import com.example.ats.shared.Slice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook subscriptions of HR tools: events pushed, signed, in order per application, retried for a day. */
@Path("/api/v1/webhooks")
@Tag(name = "HR tools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.HR_ADMIN, Roles.HR_INTEGRATION, Roles.PRIVACY_OFFICER})
public class WebhookResource {

    private final WebhookService service;
    private final Caller caller;

    WebhookResource(WebhookService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "subscribeWebhook",
            summary = "Subscribe to events: the target gets a signed `webhook.ping` at once and must answer 2xx",
            description = "Deliveries are POSTs signed as Standard Webhooks (`webhook-id`, `webhook-timestamp`,"
                    + " `webhook-signature`), at least once (de-duplicate by `webhook-id`), in order per"
                    + " application, retried for about 27 hours. The target must be https on a public address."
                    + " The answer holds the signing secret, shown this once. Each role may subscribe to the types it"
                    + " may know (see the change feed).")
    @APIResponse(
            responseCode = "201",
            description = "Subscribed; keep the `secret`",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response subscribe(@Valid @NotNull SubscribeRequest request) {
        WebhookView created = service.subscribe(request, caller.id(), caller::hasRole);
        return Response.created(URI.create("/api/v1/webhooks/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "Your subscriptions (an HR admin sees every client's)")
    @APIResponse(
            responseCode = "200",
            description = "The subscriptions, oldest first",
            content = @Content(schema = @Schema(implementation = WebhookList.class)))
    public WebhookList list() {
        return service.list(viewer());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription")
    @APIResponse(
            responseCode = "200",
            description = "The subscription (without its secret)",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookView get(@PathParam("id") UUID id) {
        return service.get(id, viewer());
    }

    @DELETE
    // No body to negotiate: a generated client asks only for application/problem+json here, and must not get 406.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @Operation(operationId = "unsubscribeWebhook", summary = "Unsubscribe: nothing more is sent, queued deliveries go")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id, viewer());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            operationId = "listWebhookDeliveries",
            summary = "The deliveries of a subscription and their attempts, oldest first, a page at a time")
    @APIResponse(
            responseCode = "200",
            description = "A page; the `Link: rel=\"next\"` header and `next` point to the next one",
            headers = @Header(name = "Link", ref = ApiDefinition.NEXT_PAGE_LINK),
            content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    public Response deliveries(
            @PathParam("id") UUID id,
            @QueryParam("state") @Parameter(description = "Only deliveries in this state") WebhookDelivery.State state,
            @Valid @BeanParam PageRequest page,
            @Context UriInfo uriInfo) {
        Slice<DeliveryView> slice = service.deliveries(id, viewer(), state, page);
        return Links.page(uriInfo, slice, next -> new DeliveryPage(slice.items(), slice.nextCursor(), next));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/resend")
    @Operation(
            operationId = "resendWebhookDelivery",
            summary = "Send a failed (or delivered) delivery again; a disabled subscription becomes active again")
    @APIResponse(
            responseCode = "202",
            description = "Queued; it goes out in order with the others about the same application",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response resend(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return Response.accepted(service.resend(id, deliveryId, viewer())).build();
    }

    private WebhookService.Viewer viewer() {
        return new WebhookService.Viewer(caller.id(), caller.hasRole(Roles.HR_ADMIN), caller::hasRole);
    }
}
