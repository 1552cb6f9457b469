package org.sharedagreements.query.access;

import org.sharedagreements.kernel.access.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2Token;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The person asking: their user id (the JWT {@code sub}), the roles of their token's {@code roles} claim, and
 * when their token expires (null when the authentication carries no token), after which nothing of theirs may go
 * on: a live stream ends then.
 */
public record Caller(String userId, Set<Role> roles, Instant expiresAt) {

    public Caller {
        Objects.requireNonNull(userId, "a caller has a user id");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A caller without a token expiry (tests, internal use). */
    public static Caller of(String userId, Role... roles) {
        return new Caller(userId, roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), null);
    }

    public static Caller of(Authentication authentication) {
        Objects.requireNonNull(authentication, "queries need an authenticated caller");
        Set<Role> roles = Role.fromAuthorities(authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
        Instant expiresAt = authentication.getCredentials() instanceof OAuth2Token token ? token.getExpiresAt() : null;
        return new Caller(authentication.getName(), roles, expiresAt);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
