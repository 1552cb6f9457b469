package org.sharedagreements.app.security;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.sharedagreements.kernel.access.Role;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value of a token's {@code roles} claim: one of {@link Role#claims()}, so the names are written in one place.
 * Null is refused too (a list of roles has no gaps).
 */
@Target(ElementType.TYPE_USE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RoleClaim.Validator.class)
public @interface RoleClaim {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<RoleClaim, String> {

        private static final String PROBLEM = "each role is one of " + String.join(", ", Role.claims());

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value != null && Role.claims().contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(PROBLEM).addConstraintViolation();
            return false;
        }
    }
}
