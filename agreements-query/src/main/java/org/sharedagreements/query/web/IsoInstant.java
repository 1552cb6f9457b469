package org.sharedagreements.query.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.format.DateTimeParseException;

/** A query parameter that is an ISO-8601 instant with an offset; absent is valid. Read it with {@link QueryValues#instant}. */
@Documented
@Constraint(validatedBy = IsoInstant.Validator.class)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoInstant {

    String message() default "must be an ISO-8601 instant such as 2026-11-26T17:00:00.123Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<IsoInstant, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                return value == null || QueryValues.instant(value) != null;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
