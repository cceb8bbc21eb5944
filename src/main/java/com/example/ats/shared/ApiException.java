package com.example.ats.shared;

import java.util.List;

/**
 * A request that cannot be served for a reason the caller can act on. The message is the problem's `detail`
 * and is shown to the caller: it must never contain personal data.
 */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
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
