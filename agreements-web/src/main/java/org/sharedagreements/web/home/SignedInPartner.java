package org.sharedagreements.web.home;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

import java.util.Objects;

/** Whom a page is for: the provider's {@code sub} (the partner id the API knows) and a name to greet them by. */
record SignedInPartner(String userId, String displayName) {

    SignedInPartner {
        Objects.requireNonNull(userId, "a signed-in partner has a user id");
    }

    /** The display name is the provider's {@code name}, else {@code preferred_username}, else the id itself. */
    static SignedInPartner of(OAuth2User user) {
        String name = null;
        if (user instanceof OidcUser oidc) {
            name = firstText(oidc.getFullName(), oidc.getPreferredUsername());
        }
        if (name == null) {
            name = firstText(user.getAttribute("name"), user.getAttribute("preferred_username"));
        }
        return new SignedInPartner(user.getName(), name == null ? user.getName() : name);
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
