package org.sharedagreements.app.security;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the pages send a visitor to sign in when the provider is the local one: the sign-in path on the
 * provider's own origin ({@code http://localhost:<port>}), whatever host the visitor typed. The whole sign-in then
 * happens on one origin, so the session that holds the authorization request is the one the provider's answer
 * comes back to, the sign-in form's redirects stay within {@code form-action 'self'}, and passkeys, which are bound
 * to {@code localhost}, work.
 *
 * @param path   the path that starts the sign-in
 * @param issuer the provider's origin, known once the server listens
 */
record LocalSignIn(String path, Supplier<String> issuer) {

    LocalSignIn {
        Objects.requireNonNull(path, "the sign-in path");
        Objects.requireNonNull(issuer, "the provider's origin");
    }

    String url() {
        return issuer.get() + path;
    }
}
