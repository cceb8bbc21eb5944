package com.example.ats.shared;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text a person typed (an applicant's details, an objection's reason, a hold's reason, a request's outcome): no
 * control characters (line breaks only where {@link #multiline()} allows them), and no Dutch citizen service number (BSN), which
 * this service must never hold (data minimisation). Null is valid; combine with size and presence constraints.
 */
@Documented
@Constraint(validatedBy = FreeText.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface FreeText {

    /** Whether line breaks and tabs are allowed (a reason or an outcome written as a paragraph). */
    boolean multiline() default false;

    String message() default "must be plain text without control characters or a citizen service number (BSN)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks one value; the message says which rule failed, never the value. */
    class Validator implements ConstraintValidator<FreeText, String> {

        private boolean multiline;

        @Override
        public void initialize(FreeText annotation) {
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = value.codePoints().anyMatch(c -> isControl(c) && !(multiline && isLineBreakOrTab(c)))
                    ? "must not contain control characters"
                    : Bsn.containsOne(value) ? "must not contain a citizen service number (BSN)" : null;
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private static boolean isLineBreakOrTab(int codePoint) {
            return codePoint == '\n' || codePoint == '\r' || codePoint == '\t';
        }

        private static boolean isControl(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.CONTROL
                    || type == Character.FORMAT && codePoint != 0x200D // zero-width joiner is part of names' emoji
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        }
    }
}
