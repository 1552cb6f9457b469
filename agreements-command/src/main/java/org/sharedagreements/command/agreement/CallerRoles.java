package org.sharedagreements.command.agreement;

import org.axonframework.messaging.MetaData;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.kernel.access.RolesMetaData;

import java.util.Collection;
import java.util.Set;

/**
 * The roles of the caller travel with each command as metadata ({@value #KEY}: the claim values, comma
 * separated), so the agreement can tell a counsellor it is granted to (403) from a stranger (404) without
 * trusting anything the command body says. The key and the format are the kernel's {@link RolesMetaData}, which
 * the web pages write too.
 */
public final class CallerRoles {

    public static final String KEY = RolesMetaData.KEY;

    private CallerRoles() {
    }

    public static MetaData metaData(Collection<String> roles) {
        return MetaData.with(KEY, String.join(",", roles));
    }

    static Set<Role> of(MetaData metaData) {
        Object roles = metaData.get(KEY);
        return parse(roles == null ? null : roles.toString());
    }

    static Set<Role> parse(String roles) {
        return RolesMetaData.parse(roles);
    }
}
