package com.example.ats.intake;

import com.example.ats.shared.ApiException;
import com.example.ats.shared.Caller;
import com.example.ats.shared.ClientAddress;
import com.example.ats.shared.Language;
import com.example.ats.shared.Problem;
import com.example.ats.shared.ProblemType;
import com.example.ats.shared.RateLimit;
import com.example.ats.shared.RateLimited;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Encoding;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

/** The public door: a career site posts an application, without a login. */
@Path("/api/v1/applications")
@Tag(name = "Applicants")
public class IntakeResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IntakeReceiver receiver;
    private final IntakeForms forms;
    private final IntakeService service;
    private final Caller caller;

    IntakeResource(IntakeReceiver receiver, IntakeForms forms, IntakeService service, Caller caller) {
        this.receiver = receiver;
        this.forms = forms;
        this.service = service;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @RateLimited(RateLimit.INTAKE)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitApplication",
            summary = "Apply: post an application with a CV and, optionally, a motivation letter",
            description = "All or nothing: a 201 means every file and row is stored and verified; an error means"
                    + " nothing of the request remains. No token needed; rate-limited per client address. The"
                    + " answer's `accessToken` is shown only here: keep it for self-service.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = ApplicationUpload.class),
                            encoding = @Encoding(name = "application", contentType = MediaType.APPLICATION_JSON)))
    @Parameter(
            name = IDEMPOTENCY_KEY,
            in = ParameterIn.HEADER,
            description = "Makes retries safe: the same key with the same request returns the first answer (201,"
                    + " with `Idempotent-Replayed: true`) instead of a second application; the same key with another"
                    + " request is a 422. A key belongs to the client address that sent it (another address with the same key gets an"
                    + " application of its own, never the first answer). Keys are remembered for 24 hours by default. 1-200 visible ASCII characters,"
                    + " e.g. a UUID.",
            schema = @Schema(type = SchemaType.STRING, maxLength = 200))
    @APIResponse(
            responseCode = "201",
            description = "Stored; also the answer to a replay of the same request with the same Idempotency-Key",
            headers = {
                @Header(
                        name = "Location",
                        description = "The application, for HR staff",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = REPLAYED,
                        description = "`true` when this answers an earlier request with the same Idempotency-Key",
                        schema = @Schema(type = SchemaType.BOOLEAN)),
                @Header(
                        name = "RateLimit-Limit",
                        description = "Requests allowed per client address per window",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(
                        name = "RateLimit-Remaining",
                        description = "Requests left in the window",
                        schema = @Schema(type = SchemaType.INTEGER)),
                @Header(
                        name = "RateLimit-Reset",
                        description = "Seconds until the window is full again",
                        schema = @Schema(type = SchemaType.INTEGER))
            },
            content = @Content(schema = @Schema(implementation = ApplicationReceipt.class)))
    @APIResponse(responseCode = "400", ref = "MalformedRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "ValidationFailed")
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    @APIResponse(responseCode = "503", ref = "ServiceUnavailable")
    public Response submit(
            @RestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @RestQuery("language")
                    @jakarta.validation.constraints.Pattern(regexp = "nl|en", message = "must be nl or en")
                    @Parameter(
                            description = "The applicant's language for the receipt mail: nl or en; without it, the"
                                    + " Accept-Language header decides (Dutch by default)")
                    String language,
            @RestHeader(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body,
            @Context HttpServerRequest request)
            throws IOException {
        if (idempotencyKey != null && !KEY_SHAPE.matcher(idempotencyKey).matches()) {
            throw new ApiException(
                    ProblemType.VALIDATION_FAILED,
                    "The Idempotency-Key header must be 1-200 visible ASCII characters",
                    List.of(new Problem.FieldError(IDEMPOTENCY_KEY, "invalid")));
        }
        try (Reception reception = receiver.receive(contentType, body, Sender.of(request))) {
            IntakeService.Outcome outcome = submit(reception, idempotencyKey, language, acceptLanguage, request);
            if (!outcome.replayed()) {
                reception.keep();
            }
            ApplicationReceipt receipt = outcome.receipt();
            Response.ResponseBuilder answer = Response.created(URI.create("/api/v1/applications/" + receipt.id()))
                    .entity(receipt);
            if (outcome.replayed()) {
                answer.header(REPLAYED, "true");
            }
            return answer.build();
        }
    }

    private IntakeService.Outcome submit(
            Reception reception,
            String idempotencyKey,
            String language,
            String acceptLanguage,
            HttpServerRequest request)
            throws JsonProcessingException {
        ApplicationForm form = forms.read(reception);
        IdempotentReplay.ClientKey clientKey = idempotencyKey == null
                ? null
                : new IdempotentReplay.ClientKey(idempotencyKey, ClientAddress.of(request));
        Locale locale = Language.of(language, acceptLanguage).locale();
        return service.submit(
                reception, form, reception.form(), clientKey, locale, IntakeChannel.of(caller.clientId()));
    }
}
