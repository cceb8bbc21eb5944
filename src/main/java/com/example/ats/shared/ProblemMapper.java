package com.example.ats.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one table from exception to problem+json answer:
 *
 * <pre>
 * ApiException                         its own type (400..503)
 * ConstraintViolationException         422 validation-failed, with the fields
 * unknown JSON field                   422 validation-failed, with the field
 * other unreadable JSON                400 malformed-request
 * optimistic lock lost                 412 precondition-failed
 * no or invalid token                  401 unauthenticated (+ WWW-Authenticate)
 * role missing                         403 forbidden
 * unconvertible query/path parameter  400 malformed-request (JAX-RS would say 404)
 * WebApplicationException (framework)  its status (404 route, 405, 406, 415, ...)
 * anything else                        500 internal-error, logged at ERROR with the request id
 * </pre>
 *
 * 4xx are logged at DEBUG. No body ever carries a stack trace, a class name or a rejected value.
 */
public class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response api(ApiException e, ContainerRequestContext request) {
        Response response = answer(e.type(), e.getMessage(), e.errors(), request);
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        return answer(ProblemType.VALIDATION_FAILED, "The request has invalid fields", errors, request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        return answer(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON", null, request);
    }

    /** Declared for this exact type so it wins over the framework's own mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, ContainerRequestContext request) {
        String field = pathOf(e);
        if (e instanceof UnrecognizedPropertyException) {
            return answer(
                    ProblemType.VALIDATION_FAILED,
                    "The request has a field this API does not know",
                    List.of(new Problem.FieldError(field, "unknown field")),
                    request);
        }
        if (field.isEmpty()) {
            return answer(
                    ProblemType.MALFORMED_REQUEST, "The request body does not have the expected shape", null, request);
        }
        return answer(
                ProblemType.VALIDATION_FAILED,
                "The request has a field of the wrong type or format",
                List.of(new Problem.FieldError(field, "has the wrong type or format")),
                request);
    }

    /**
     * Our code wraps its own I/O failures; a bare IOException here comes from reading the request: a malformed or
     * cut-off body (multipart above all).
     */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e, ContainerRequestContext request) {
        return answer(
                ProblemType.MALFORMED_REQUEST,
                "The request body could not be read: malformed or cut off",
                null,
                request);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response lostRace(Exception e, ContainerRequestContext request) {
        ApiException stale = ETags.stale();
        return answer(stale.type(), stale.getMessage(), null, request);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(Exception e, ContainerRequestContext request) {
        Response response = answer(
                ProblemType.UNAUTHENTICATED, "A valid bearer token from the ATS realm is required", null, request);
        return Response.fromResponse(response)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return answer(ProblemType.FORBIDDEN, "Your role does not allow this operation", null, request);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() != null) {
            // JAX-RS answers a query or path parameter it cannot convert (a bad date, enum or id) with a 404 that
            // wraps the conversion error; the client sent a malformed request, so say that.
            return answer(
                    ProblemType.MALFORMED_REQUEST,
                    "A query or path parameter has a malformed value (instants are ISO-8601, e.g."
                            + " 2026-12-31T23:00:00Z; ids are UUIDs; codes are the ones the contract lists)",
                    null,
                    request);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = answer(type, status, detailFor(status), null, request);
        Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
        return allow == null
                ? response
                : Response.fromResponse(response)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (isUnparsableBearerToken(e)) {
            // Quarkus OIDC fails on a bearer token with too few dots with an unchecked exception of its own: the
            // caller sent garbage, which is 401, not our error.
            return unauthenticated(null, request);
        }
        if (e.getClass().getName().endsWith("MultipartParser$MalformedMessageException")) {
            // RESTEasy's multipart parser throws this unchecked for a part header without a colon
            return answer(ProblemType.MALFORMED_REQUEST, "The multipart body is malformed", null, request);
        }
        Log.errorf(
                e,
                "Unexpected error on %s %s (request %s)",
                request.getMethod(),
                pathOf(request),
                RequestIdFilter.of(request));
        return answer(
                ProblemType.INTERNAL_ERROR,
                "Something went wrong on our side; quote the request id when you report it",
                null,
                request);
    }

    private static boolean isUnparsableBearerToken(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        return e instanceof java.util.NoSuchElementException
                && frames.length > 0
                && java.util.Arrays.stream(frames)
                        .limit(12)
                        .anyMatch(f -> f.getClassName().startsWith("io.quarkus.oidc."));
    }

    static Response answer(
            ProblemType type, String detail, List<Problem.FieldError> errors, ContainerRequestContext request) {
        return answer(type, type.status(), detail, errors, request);
    }

    private static Response answer(
            ProblemType type,
            int status,
            String detail,
            List<Problem.FieldError> errors,
            ContainerRequestContext request) {
        if (status < 500) {
            Log.debugf("%d %s on %s %s", status, type.name(), request.getMethod(), pathOf(request));
        }
        Problem problem = new Problem(
                type.uri(),
                type.title(),
                status,
                detail,
                URI.create(pathOf(request)),
                RequestIdFilter.of(request),
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support that method";
            case 406 -> "This resource cannot be served in the requested media type";
            case 415 -> "This operation does not accept that content type";
            default -> "The request could not be served";
        };
    }

    /** The path as logged: a consent link's or a sign-in link's token (a live credential) is masked. */
    static String pathOf(ContainerRequestContext request) {
        return masked(request.getUriInfo().getRequestUri().getRawPath());
    }

    static String masked(String path) {
        return path.replaceAll("(?i)^(/consent/|/my-application/link/)[^/]+", "$1***");
    }

    /** "create.request.title" → "title": drop the method and parameter names of method validation. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                case PARAMETER -> {
                    names.clear();
                    names.add(node.getName());
                }
                default -> {
                    if (names.size() == 1 && isBodyParameter(names.get(0))) {
                        names.clear();
                    }
                    String name = node.getName();
                    if (node.getIndex() != null && !names.isEmpty()) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    }
                    if (name != null) {
                        names.add(name);
                    }
                }
            }
        }
        return String.join(".", names);
    }

    /** Bodies and bean parameters ("request", "...Request", "page") are containers, not part of the field path. */
    private static boolean isBodyParameter(String name) {
        return name.equals("request") || name.endsWith("Request") || name.equals("body") || name.equals("page");
    }

    private static String pathOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
