package org.sharedagreements.query.access;

import org.sharedagreements.kernel.access.Scope;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Caller} parameter (the first one): the gate admits the caller before any other parameter is read, so
 * someone who may not use the endpoint at all gets its 403 or 404 whatever else the request holds. {@code scope}
 * names what a request naming no agreement is about ({@link AgreementGate#require}); {@code audit} marks the
 * audit endpoints about one agreement ({@link AgreementGate#enterAudit}).
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Gated {

    Scope[] scope() default {};

    boolean audit() default false;
}
