package org.sharedagreements.query.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Whether the caller holds the auditor role (the JWT {@code roles} claim holds {@code auditor}). */
final class Auditor {

    static final String AUTHORITY = "ROLE_auditor";

    private Auditor() {
    }

    static boolean is(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(AUTHORITY::equals);
    }
}
