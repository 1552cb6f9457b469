package org.sharedagreements.web.session;

import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.query.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.server.ResponseStatusException;

import java.util.Objects;

/**
 * Whom a page is for: the provider's {@code sub} (the user id the API knows), a name to greet them by, and the
 * {@link Caller} the query side's gate decides for (the session's roles, as {@code WebSecurityConfiguration} maps
 * the provider's claims).
 */
public record SignedInPerson(String userId, String displayName, Caller caller) {

    public SignedInPerson {
        Objects.requireNonNull(userId, "a signed-in person has a user id");
        Objects.requireNonNull(caller, "a signed-in person is a caller");
    }

    /**
     * The person of a page request. The pages are for a signed-in session only: where no sign-in is configured the
     * API's chain lets a bearer token through to {@code /app}, and the pages then do not exist for it (404).
     */
    public static SignedInPerson of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OAuth2User user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String name = null;
        if (user instanceof OidcUser oidc) {
            name = firstText(oidc.getFullName(), oidc.getPreferredUsername());
        }
        if (name == null) {
            name = firstText(user.getAttribute("name"), user.getAttribute("preferred_username"));
        }
        return new SignedInPerson(user.getName(), name == null ? user.getName() : name, Caller.of(authentication));
    }

    public boolean has(Role role) {
        return caller.has(role);
    }

    private static String firstText(Object... values) {
        for (Object value : values) {
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
