package org.sharedagreements.app.roles;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The sides this node runs, from {@code agreements.roles} ({@code AGREEMENTS_ROLES}): {@code command},
 * {@code query} or both, comma-separated; both when unset. Anything else stops the start, because a node that
 * silently runs the wrong side drops commands or leaves read models behind.
 */
public record NodeRoles(boolean command, boolean query) {

    public static final String PROPERTY = "agreements.roles";
    public static final NodeRoles BOTH = new NodeRoles(true, true);

    public NodeRoles {
        if (!command && !query) {
            throw new IllegalArgumentException(PROPERTY + " must name command, query or both");
        }
    }

    public static NodeRoles from(Environment environment) {
        return parse(environment.getProperty(PROPERTY));
    }

    public static NodeRoles parse(String value) {
        if (!StringUtils.hasText(value)) {
            return BOTH;
        }
        boolean command = false;
        boolean query = false;
        for (String role : value.split(",")) {
            switch (role.trim().toLowerCase(Locale.ROOT)) {
                case "command" -> command = true;
                case "query" -> query = true;
                case "" -> { }
                default -> throw new IllegalArgumentException(PROPERTY + " has an unknown role '" + role.trim()
                        + "': use command, query or command,query");
            }
        }
        return new NodeRoles(command, query);
    }

    public boolean commandOnly() {
        return command && !query;
    }

    public boolean queryOnly() {
        return query && !command;
    }

    @Override
    public String toString() {
        StringJoiner roles = new StringJoiner(",");
        if (command) {
            roles.add("command");
        }
        if (query) {
            roles.add("query");
        }
        return roles.toString();
    }
}
