package com.example.ats.privacy;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.document.ScanGate;
import com.example.ats.document.ScanState;
import com.example.ats.export.ApplicantDataService;
import com.example.ats.export.ApplicantDataView;
import com.example.ats.export.ZipExport;
import com.example.ats.purge.Erasure;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Language;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The privacy officer fulfils requests received by e-mail or post: the applicant's export, or erasure, on their
 * behalf. Shares the class path of the staff resource on purpose: RESTEasy Reactive matches the longest class path
 * first and would not fall back to another class for {@code /applications/{id}}.
 */
@Path("/api/v1/applications")
@Tag(name = "Privacy officer")
@RolesAllowed(Roles.PRIVACY_OFFICER)
public class OnBehalfResource {

    private final ApplicantDataService data;
    private final ZipExport export;
    private final Erasure erasure;
    private final AuditLog audit;
    private final Caller caller;

    OnBehalfResource(ApplicantDataService data, ZipExport export, Erasure erasure, AuditLog audit, Caller caller) {
        this.data = data;
        this.export = export;
        this.erasure = erasure;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/export")
    @Produces("application/zip")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "exportApplicationOnBehalf",
            summary = "The applicant's data in one ZIP, to send them (an access or portability request)",
            description = "Files the malware scanner has not passed (PENDING) are left out unless asked for with"
                    + " unscanned=true, which is audited per file as an unscanned download is; an INFECTED file never.")
    @APIResponse(
            responseCode = "200",
            description = "The archive, streamed: the same as the applicant's own export",
            content =
                    @Content(
                            mediaType = "application/zip",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response exportOnBehalf(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    @Parameter(description = "nl (the default) or en: the applicant's language, for `whatHappens`")
                    String language,
            @QueryParam("unscanned")
                    @Parameter(description = "true: include files not scanned yet (PENDING), each audited")
                    boolean unscanned) {
        ApplicantDataView view = data.find(id, Language.preferred(language).locale())
                .orElseThrow(() -> ApiException.notFound("Application"));
        Response archive = export.answer(view, unscanned ? ScanGate.OWN_FILE : ScanGate.CLEAN_ONLY);
        audit.record(caller.subject(), caller.role(), AuditAction.EXPORTED_ON_BEHALF, id, null);
        if (unscanned) {
            view.documents().stream()
                    .filter(document -> document.scan().state() == ScanState.PENDING)
                    .forEach(document -> audit.record(
                            caller.subject(),
                            caller.role(),
                            AuditAction.DOCUMENT_DOWNLOADED_UNSCANNED,
                            id,
                            "document " + document.id() + ", scan PENDING, in the export"));
        }
        return archive;
    }

    @DELETE
    // No body to negotiate: a generated client asks only for application/problem+json here, and must not get 406.
    @Produces(MediaType.WILDCARD)
    @Path("/{id}")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "eraseApplicationOnBehalf",
            summary = "Erase an application now on the applicant's behalf (purge record ERASURE_REQUEST)")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public void eraseOnBehalf(
            @PathParam("id") UUID id,
            @QueryParam("reason")
                    @NotBlank
                    @Pattern(regexp = "[A-Z_]{3,40}", message = "must be a code such as ERASURE_REQUEST")
                    @Parameter(description = "Why, as a code (no free text), e.g. ERASURE_REQUEST", required = true)
                    String reason) {
        if (!erasure.erase(id, "The application is under a legal hold: release the hold first if erasure is due")) {
            throw ApiException.notFound("Application");
        }
        audit.record(caller.subject(), caller.role(), AuditAction.ERASED_ON_BEHALF, id, reason);
    }
}
