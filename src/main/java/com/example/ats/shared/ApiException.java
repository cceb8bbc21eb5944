package com.example.ats.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be served for a reason the caller can act on. The message is the problem's `detail`
 * and is shown to the caller: it must never contain personal data.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(ProblemType type, String detail) {
        this(type, detail, (List<Problem.FieldError>) null);
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    /** For failures of a backing service: the cause is kept for the log, never shown to the caller. */
    protected ApiException(ProblemType type, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.type = type;
        this.errors = null;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Adds a header to the error answer (Retry-After, Allow, ...). */
    public ApiException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(
                ProblemType.VALIDATION_FAILED,
                "The request has an invalid field",
                List.of(new Problem.FieldError(field, message)));
    }
}
