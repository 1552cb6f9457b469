package org.sharedagreements.command.agreement;

import org.axonframework.messaging.MetaData;

import java.util.Collection;
import java.util.List;

/**
 * The roles of the caller travel with each command as metadata ({@value #KEY}), so the agreement can tell a
 * counsellor it is granted to (403) from a stranger (404) without trusting anything the command body says.
 */
public final class CallerRoles {

    public static final String KEY = "callerRoles";
    public static final String COUNSELLOR = "counsellor";
    public static final String AUDITOR = "auditor";
    public static final String OPERATOR = "operator";

    private CallerRoles() {
    }

    public static MetaData metaData(Collection<String> roles) {
        return MetaData.with(KEY, String.join(",", roles));
    }

    static List<String> of(MetaData metaData) {
        Object roles = metaData.get(KEY);
        return roles == null || roles.toString().isEmpty() ? List.of() : List.of(roles.toString().split(","));
    }
}
