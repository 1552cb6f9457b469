package org.sharedagreements.command;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The class runs on command nodes only: those whose {@code agreements.roles} names {@code command}, or is unset
 * (both sides), as giftcard-demo's {@code @Profile("command")} does. Elsewhere Spring does not register it, and so
 * Axon finds no aggregate, command handler or interceptor of the write side there. The roles are checked for
 * unknown names by the app's {@code NodeRoles}; this only asks whether {@code command} is among them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("(',' + '${agreements.roles:command,query}'.toLowerCase().replaceAll('\\s', '') + ',')"
        + ".contains(',command,') or '${agreements.roles:command,query}'.isBlank()")
public @interface CommandSide {
}
