package org.sharedagreements.kernel.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * The caller's roles as they travel with each command, under the metadata key {@value #KEY}: the claim values,
 * comma separated, sorted. Here so that every sender of commands (the API, the web pages) writes them the same way
 * and the agreement reads them ({@code org.sharedagreements.command.agreement.CallerRoles}).
 */
public final class RolesMetaData {

    public static final String KEY = "callerRoles";

    private RolesMetaData() {
    }

    /** The metadata value for these roles. */
    public static String value(Collection<Role> roles) {
        return String.join(",", roles.stream().map(Role::claim).sorted().toList());
    }

    /** The roles a metadata value names; anything that is not one of ours is ignored. */
    public static Set<Role> parse(String value) {
        return Role.fromClaims(value == null || value.isEmpty() ? Set.of() : Arrays.asList(value.split(",")));
    }
}
