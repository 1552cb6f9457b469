package org.sharedagreements.query.access;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Objects;

/**
 * The person asking: their user id (the JWT {@code sub}) and whether they act as a counsellor (the JWT
 * {@code roles} claim holds {@code counsellor}). Only callers with the counsellor role see agreements through a
 * counsellor grant.
 */
public record Caller(String userId, boolean counsellor) {

    public static final String COUNSELLOR_AUTHORITY = "ROLE_counsellor";

    public Caller {
        Objects.requireNonNull(userId, "a caller has a user id");
    }

    public static Caller of(Authentication authentication) {
        Objects.requireNonNull(authentication, "queries need an authenticated caller");
        boolean counsellor = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(COUNSELLOR_AUTHORITY::equals);
        return new Caller(authentication.getName(), counsellor);
    }
}
