package com.example.ats.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An error answer in the shape of RFC 9457 (problem+json), the only error body this API returns. */
@Schema(name = "Problem", description = "RFC 9457 problem details; `type` is stable per kind of error.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Stable identifier of the kind of error", example = "urn:ats:problem:validation-failed")
        URI type,

        @Schema(description = "Short summary of the kind of error", example = "Validation failed")
        String title,

        @Schema(description = "HTTP status code", example = "422")
        int status,

        @Schema(description = "What went wrong with this request")
        String detail,

        @Schema(description = "The request path, relative to the service", format = "uri-reference")
        URI instance,

        @Schema(description = "Correlation id of the request, also in the X-Request-Id header")
        String requestId,

        @Schema(description = "The offending fields, for validation errors")
        List<FieldError> errors) {

    /** One invalid field: its path in the request and what is wrong with it. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "applicant.email") String field,

            @Schema(example = "must be a well-formed email address")
            String message) {}
}
