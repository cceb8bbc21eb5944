package com.example.ats.mail;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
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

/** The privacy officer's view of the mails sent about an application. */
@Path("/api/v1/applications/{id}/mails")
@Tag(name = "Privacy officer")
@Produces(MediaType.APPLICATION_JSON)
public class MailLogResource {

    private final MailMessageRepository messages;

    MailLogResource(MailMessageRepository messages) {
        this.messages = messages;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Transactional
    @Operation(
            operationId = "listApplicationMails",
            summary = "The mails sent (or queued) to an application's applicant, oldest first: kinds and times only")
    @APIResponse(
            responseCode = "200",
            description = "The mail log; empty when none was sent. Gone with the application.",
            content = @Content(schema = @Schema(implementation = MailLogView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MailLogView list(@PathParam("id") UUID id) {
        var found = messages.forApplication(id);
        if (found.isEmpty() && !messages.applicationExists(id)) {
            throw ApiException.notFound("Application");
        }
        return new MailLogView(found.stream().map(MailLogView.Entry::of).toList());
    }
}
