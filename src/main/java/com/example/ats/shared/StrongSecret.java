package com.example.ats.shared;

import io.quarkus.runtime.LaunchMode;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secret the packaged service accepts ({@link SecretStrength}): checked with the configuration, before the service
 * connects to anything, so a weak secret stops the start at once. Dev mode and tests run with a published secret.
 */
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StrongSecret.Check.class)
public @interface StrongSecret {

    String message() default "is too weak";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says why, never the value. */
    class Check implements ConstraintValidator<StrongSecret, String> {

        @Override
        public boolean isValid(String secret, ConstraintValidatorContext context) {
            if (LaunchMode.current() != LaunchMode.NORMAL) {
                return true;
            }
            return SecretStrength.weakness(secret)
                    .map(why -> {
                        context.disableDefaultConstraintViolation();
                        context.buildConstraintViolationWithTemplate(
                                        "(environment ATS_INTAKE_TOKEN_SECRET) is too weak: " + why
                                                + ". Set a new random value, e.g. the output of: head -c 32"
                                                + " /dev/urandom | base64")
                                .addConstraintViolation();
                        return false;
                    })
                    .orElse(true);
        }
    }
}
