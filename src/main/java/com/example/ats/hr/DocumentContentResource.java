package com.example.ats.hr;

import com.example.ats.audit.AuditLog;
import com.example.ats.document.ContentDisposition;
import com.example.ats.document.Document;
import com.example.ats.document.DocumentRepository;
import com.example.ats.document.VerifiedCopy;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.Roles;
import com.example.ats.storage.ObjectStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Streams a CV or motivation letter from the object store, checking it against the SHA-256 taken at intake. */
@Path("/api/v1/applications/{id}/documents/{documentId}/content")
@Tag(name = "Applications (staff)")
public class DocumentContentResource {

    private final DocumentRepository documents;
    private final ObjectStore store;
    private final AuditLog audit;
    private final Caller caller;
    private final Counter integrityFailures;

    DocumentContentResource(
            DocumentRepository documents, ObjectStore store, AuditLog audit, Caller caller, MeterRegistry registry) {
        this.documents = documents;
        this.store = store;
        this.audit = audit;
        this.caller = caller;
        this.integrityFailures = Counter.builder("ats.documents.integrity.failures")
                .description("Downloads whose stored bytes did not match the SHA-256 taken at intake")
                .register(registry);
    }

    @GET
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.RECRUITER, Roles.HR_ADMIN})
    @Operation(
            summary = "Download a document, streamed, in its stored media type",
            description = "The bytes are checked against the SHA-256 taken at intake while they stream; on a mismatch"
                    + " the last part is withheld, so the download breaks instead of delivering a corrupted file.")
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
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        Document document = QuarkusTransaction.requiringNew()
                .call(() -> documents.findByIdOptional(documentId))
                .filter(d -> d.applicationId.equals(id))
                .orElseThrow(() -> ApiException.notFound("Document"));
        InputStream content = store.get(document.objectKey);
        audit.record(caller.subject(), caller.role(), "DOCUMENT_DOWNLOADED", id, "document " + documentId);
        StreamingOutput body = out -> {
            try (content) {
                VerifiedCopy.copy(content, out, document.sizeBytes, document.sha256);
            } catch (VerifiedCopy.IntegrityException e) {
                integrityFailures.increment();
                Log.errorf("Integrity error: document %s of application %s: %s", documentId, id, e.getMessage());
                throw e;
            }
        };
        return Response.ok(body, document.mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, document.sizeBytes)
                .header("Content-Disposition", ContentDisposition.attachment(document.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
