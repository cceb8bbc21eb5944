package com.example.ats.consent;

import com.example.ats.shared.ApiException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The retention-consent wordings, public: a career site shows the current one and sends its version with a grant. */
@Path("/api/v1/consent-texts")
@PermitAll
@Tag(name = "Applicants")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentTextResource {

    private final ConsentTexts texts;

    ConsentTextResource(ConsentTexts texts) {
        this.texts = texts;
    }

    /** One wording of the retention consent. */
    @Schema(name = "ConsentText")
    public record ConsentTextView(
            @Schema(description = "Send this as `textVersion` with a grant", example = "2026-01")
            String version,

            @Schema(description = "The wording, in Dutch, as the applicant must see it")
            String text,

            @Schema(description = "SHA-256 (hex) of the wording, as recorded with each grant")
            String sha256,

            @Schema(description = "Whether this is the version career sites show now")
            boolean current) {}

    @GET
    @Path("/current")
    @Operation(operationId = "getCurrentConsentText", summary = "The consent text career sites show now")
    @APIResponse(
            responseCode = "200",
            description = "The current wording",
            content = @Content(schema = @Schema(implementation = ConsentTextView.class)))
    public Response current() {
        return answer(texts.currentVersion());
    }

    @GET
    @Path("/{version}")
    @Operation(
            operationId = "getConsentText",
            summary = "One version of the consent text, e.g. the one an applicant agreed to")
    @APIResponse(
            responseCode = "200",
            description = "The wording of that version",
            content = @Content(schema = @Schema(implementation = ConsentTextView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response version(@PathParam("version") String version) {
        if (!texts.knows(version)) {
            throw ApiException.notFound("Consent text");
        }
        return answer(version);
    }

    private Response answer(String version) {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(new ConsentTextView(
                        version,
                        texts.texts().get(version),
                        texts.sha256Of(version).orElseThrow(),
                        version.equals(texts.currentVersion())))
                .cacheControl(cache)
                .build();
    }
}
