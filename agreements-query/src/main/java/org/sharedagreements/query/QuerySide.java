package org.sharedagreements.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The class runs on query nodes only: those whose {@code agreements.roles} names {@code query}, or is unset
 * (both sides), as giftcard-demo's {@code @Profile("query")} does. Elsewhere Spring does not register it, and so
 * Axon runs no projection, and no query endpoint answers, there. The roles are checked for
 * unknown names by the app's {@code NodeRoles}; this only asks whether {@code query} is among them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("(',' + '${agreements.roles:command,query}'.toLowerCase().replaceAll('\\s', '') + ',')"
        + ".contains(',query,') or '${agreements.roles:command,query}'.isBlank()")
public @interface QuerySide {
}
