package org.sharedagreements.app.roles;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions on the node's roles, for beans that exist only where one side is missing. */
final class RoleConditions {

    private RoleConditions() {
    }

    /** The node runs the write side only. */
    static final class CommandOnly implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return NodeRoles.from(context.getEnvironment()).commandOnly();
        }
    }

    /** The node runs the read side only. */
    static final class QueryOnly implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return NodeRoles.from(context.getEnvironment()).queryOnly();
        }
    }
}
