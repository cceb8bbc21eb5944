package com.example.ats.hr;

import com.example.ats.audit.AuditAction;
import com.example.ats.audit.AuditLog;
import com.example.ats.document.DownloadService;
import com.example.ats.document.ScanGate;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Streams a CV or motivation letter from the object store, checking it against the SHA-256 taken at intake. */
@Path("/api/v1/applications/{id}/documents/{documentId}/content")
@Tag(name = "Staff")
public class DocumentContentResource {

    private final DownloadService downloads;
    private final AuditLog audit;
    private final Caller caller;

    DocumentContentResource(DownloadService downloads, AuditLog audit, Caller caller) {
        this.downloads = downloads;
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "downloadDocument",
            summary = "Download a document, streamed, in its stored media type",
            description = "The bytes are checked against the SHA-256 taken at intake while they stream; on a mismatch"
                    + " the last part is withheld, so the download breaks instead of delivering a corrupted file."
                    + " Only a document whose malware scan is CLEAN is served (409 otherwise, naming its scan state);"
                    + " the privacy officer (who has no other access to files) may open any document by asking with"
                    + " unscanned=true, which is audited.")
    @APIResponse(
            responseCode = "200",
            description = "The file",
            headers = {
                @Header(
                        name = "Content-Disposition",
                        description = "attachment with the sanitised original file name",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Content-Length", schema = @Schema(type = SchemaType.INTEGER))
            },
            content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response download(
            @PathParam("id") UUID id,
            @PathParam("documentId") UUID documentId,
            @QueryParam("unscanned")
                    @Parameter(
                            description = "Privacy officer only: open the document even though its scan is not"
                                    + " CLEAN (PENDING or INFECTED)")
                    boolean unscanned) {
        if (unscanned && !caller.hasRole(Roles.PRIVACY_OFFICER)) {
            throw new ApiException(
                    ProblemType.FORBIDDEN, "Only the privacy officer may open a document that is not scanned CLEAN");
        }
        if (!unscanned && !caller.hasRole(Roles.RECRUITER) && !caller.hasRole(Roles.HR_ADMIN)) {
            // the privacy officer opens files only by asking for the override, never as part of daily work
            throw new ApiException(ProblemType.FORBIDDEN, "Only recruiters and HR admins download documents");
        }
        if (!unscanned) {
            Response download = downloads.of(id, documentId, ScanGate.CLEAN_ONLY);
            audit.record(
                    caller.subject(), caller.role(), AuditAction.DOCUMENT_DOWNLOADED, id, "document " + documentId);
            return download;
        }
        Response download = downloads.of(
                id,
                documentId,
                ScanGate.ANY,
                state -> audit.record(
                        caller.subject(),
                        caller.role(),
                        AuditAction.DOCUMENT_DOWNLOADED_UNSCANNED,
                        id,
                        "document " + documentId + ", scan " + state));
        return download;
    }
}
