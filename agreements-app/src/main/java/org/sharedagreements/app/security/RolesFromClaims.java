package org.sharedagreements.app.security;

import org.sharedagreements.kernel.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A web session's roles, from the provider's {@value #CLAIM} claim (in the ID token or the user info) as the API
 * takes them from a bearer token's: each of our {@link Role}s named there becomes its {@link Role#authority()}.
 * The claim may be a list or, as Spring Security's JWT converter also reads it, one space-separated string;
 * values that are not ours are ignored. What the provider granted otherwise ({@code OIDC_USER}, scopes) stays.
 */
final class RolesFromClaims implements GrantedAuthoritiesMapper {

    /** The claim both the API's tokens and the web sign-in's carry the roles in. */
    static final String CLAIM = "roles";

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new LinkedHashSet<>(authorities);
        for (GrantedAuthority authority : authorities) {
            // OidcUserAuthority is one too: its attributes are the ID token's claims and the user info's
            if (authority instanceof OAuth2UserAuthority user) {
                for (Role role : Role.fromClaims(values(user.getAttributes().get(CLAIM)))) {
                    mapped.add(new SimpleGrantedAuthority(role.authority()));
                }
            }
        }
        return mapped;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
