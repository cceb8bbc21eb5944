package com.example.ats.document;

import com.example.ats.encryption.KeyDestroyedException;
import com.example.ats.encryption.KeyUnavailableException;
import com.example.ats.encryption.StoredFiles;
import com.example.ats.shared.ApiException;
import com.example.ats.shared.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A document of an application as a download: streamed from the store in its stored media type, with its length
 * and name, checked against the SHA-256 taken at intake (see {@link VerifiedCopy}). Staff and applicants share it.
 */
@ApplicationScoped
public class DownloadService {

    private final DocumentRepository documents;
    private final StoredFiles files;
    private final Counter integrityFailures;
    private final CurrentVertxRequest request;

    DownloadService(
            DocumentRepository documents, StoredFiles files, MeterRegistry registry, CurrentVertxRequest request) {
        this.documents = documents;
        this.files = files;
        this.request = request;
        this.integrityFailures = Counter.builder("ats.documents.integrity.failures")
                .description("DownloadService whose stored bytes did not match the SHA-256 taken at intake")
                .register(registry);
    }

    /**
     * 404 unless the document belongs to the application; 409 when its scan state is not one the gate lets through;
     * opens the object before answering (503 when down).
     */
    public Response of(UUID applicationId, UUID documentId, ScanGate gate) {
        return of(applicationId, documentId, gate, state -> {});
    }

    /** ... telling {@code served} the scan state of the document it serves, before it answers (for the audit). */
    public Response of(UUID applicationId, UUID documentId, ScanGate gate, Consumer<ScanState> served) {
        Found found;
        try {
            // the row and the key in one transaction: one round of the database per download
            found = QuarkusTransaction.requiringNew().call(() -> {
                Document row = documents
                        .findByIdOptional(documentId)
                        .filter(d -> d.applicationId.equals(applicationId))
                        .orElseThrow(() -> ApiException.notFound("Document"));
                if (!gate.allows(row.scanState)) {
                    throw new ApiException(ProblemType.CONFLICT, refusal(row));
                }
                return new Found(row, files.prepare(row.stored()));
            });
        } catch (KeyDestroyedException e) {
            // its key went first: the application is being deleted (a purge waiting for a stuck object)
            throw ApiException.notFound("Document");
        } catch (KeyUnavailableException e) {
            Log.errorf(
                    "Document %s cannot be decrypted here: key-encryption key %s is not configured",
                    documentId, e.kekId());
            throw e;
        }
        Document document = found.document();
        InputStream content = files.open(found.readable());
        served.accept(document.scanState);
        // Exactly one of two closes the store's stream: the body writer, or, for a client gone before the body is
        // written (the writer never runs), the end of the request. Both at once race inside the HTTP client (seen
        // under wrk as "Unbalanced enter/exit" and leaked connections).
        AtomicBoolean claimed = new AtomicBoolean();
        request.getCurrent().addEndHandler(ended -> {
            if (claimed.compareAndSet(false, true)) {
                closeQuietly(content);
            }
        });
        StreamingOutput body = out -> {
            if (!claimed.compareAndSet(false, true)) {
                return; // the request already ended
            }
            try (content) {
                VerifiedCopy.copy(content, out, document.sizeBytes, document.sha256);
            } catch (VerifiedCopy.IntegrityException | StoredFiles.NotAuthenticException e) {
                integrityFailures.increment();
                Log.errorf(
                        "Integrity error: document %s of application %s: %s",
                        documentId, applicationId, e.getMessage());
                throw e;
            }
        };
        return Response.ok(body, document.mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, document.sizeBytes)
                .header("Content-Disposition", ContentDisposition.attachment(document.fileName))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private record Found(Document document, StoredFiles.Readable readable) {}

    private static String refusal(Document document) {
        return switch (document.scanState) {
            case PENDING ->
                "The document's scan state is PENDING: it has not been scanned for malware yet and opens"
                        + " once the scanner finds it CLEAN";
            case INFECTED ->
                "The document's scan state is INFECTED (" + document.scanSignature + "): it is kept for"
                        + " the privacy officer and never opened by staff";
            case CLEAN -> "The document cannot be opened";
        };
    }

    private static void closeQuietly(InputStream content) {
        try {
            content.close();
        } catch (IOException e) {
            Log.debugf("Closing a download's object stream: %s", e.getMessage());
        }
    }
}
