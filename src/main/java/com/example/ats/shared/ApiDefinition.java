package com.example.ats.shared;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's identity in the OpenAPI document, and the error answers every operation refers to. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Applicant tracking API",
                        version = "1",
                        description = "Privacy-safe intake and handling of job applications. Errors are RFC 9457"
                                + " problem+json with a stable `type`. Staff endpoints take a Keycloak bearer token."),
        tags = {
            @Tag(
                    name = "Applicants",
                    description = "Career sites and applicants: intake, consent texts, and the applicant's own data"
                            + " with the access token from intake"),
            @Tag(
                    name = "Staff",
                    description = "Recruiters and HR admins (and HR tools, read and status): applications,"
                            + " documents, vacancies; every read of personal data is audited"),
            @Tag(
                    name = "Privacy officer",
                    description = "Privacy requests, erasure and export on the applicant's behalf, legal holds,"
                            + " purges and the proof of deletion, the audit trail"),
            @Tag(
                    name = "HR tools",
                    description = "Staying in step: webhook subscriptions and the change feed; events carry ids and"
                            + " codes only")
        },
        components =
                @Components(
                        headers = {
                            @Header(
                                    name = ApiDefinition.NEXT_PAGE_LINK,
                                    description = "`<...>; rel=\"next\"`: the next page, when there is one",
                                    schema = @Schema(type = SchemaType.STRING)),
                            @Header(
                                    name = ApiDefinition.VERSION_ETAG,
                                    description = "Version, for If-Match",
                                    schema = @Schema(type = SchemaType.STRING))
                        },
                        responses = {
                            @APIResponse(
                                    name = "MalformedRequest",
                                    responseCode = "400",
                                    description = "The request cannot be read",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Unauthenticated",
                                    responseCode = "401",
                                    description = "No valid bearer token",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Forbidden",
                                    responseCode = "403",
                                    description = "The token's roles do not allow this",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "NotFound",
                                    responseCode = "404",
                                    description = "No such resource",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Conflict",
                                    responseCode = "409",
                                    description = "The change conflicts with the resource's state",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "Gone",
                                    responseCode = "410",
                                    description = "What the request points to is no longer kept: start again",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "PreconditionFailed",
                                    responseCode = "412",
                                    description = "If-Match does not match the current version",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "PayloadTooLarge",
                                    responseCode = "413",
                                    description = "A file or the whole request is larger than allowed",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "UnsupportedMediaType",
                                    responseCode = "415",
                                    description = "A file is not one of the accepted formats (told from its bytes)",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "ValidationFailed",
                                    responseCode = "422",
                                    description = "Fields are invalid; `errors` lists them",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "PreconditionRequired",
                                    responseCode = "428",
                                    description = "If-Match is required",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "TooManyRequests",
                                    responseCode = "429",
                                    description = "Too many requests from this client address; see Retry-After",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "InternalError",
                                    responseCode = "500",
                                    description = "Unexpected error; quote the requestId",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "ServiceUnavailable",
                                    responseCode = "503",
                                    description = "A backing service is down; retry later",
                                    content =
                                            @Content(
                                                    mediaType = ProblemMapper.PROBLEM_JSON,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = "UriTooLong",
                                    responseCode = "414",
                                    description =
                                            "The request line is longer than the HTTP server reads (4 KiB); answered"
                                                    + " by the server itself, without a body to rely on")
                        }))
@SecurityScheme(
        securitySchemeName = ApiDefinition.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "Access token of the Keycloak realm (password grant for people, client credentials for HR tools)")
public class ApiDefinition extends Application {

    /** The shared description of a page's {@code Link} header. */
    public static final String NEXT_PAGE_LINK = "NextPageLink";

    /** The shared description of a representation's {@code ETag} header. */
    public static final String VERSION_ETAG = "VersionETag";

    public static final String BEARER = "bearer";
}
