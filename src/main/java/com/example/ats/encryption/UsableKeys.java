package com.example.ats.encryption;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Key-encryption keys the service can use: checked with the configuration, before the service connects to anything,
 * so a malformed one stops the start at once, in every mode.
 */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UsableKeys.Check.class)
public @interface UsableKeys {

    String message() default "cannot be used";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says why, never a key. */
    class Check implements ConstraintValidator<UsableKeys, List<String>> {

        @Override
        public boolean isValid(List<String> entries, ConstraintValidatorContext context) {
            return KeyEncryptionKeys.problem(entries)
                    .map(why -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(
                                        "(environment ATS_KEY_ENCRYPTION_KEYS) cannot be used: " + why)
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
