package org.sharedagreements.app.security;

import java.util.Objects;

/** Where the pages send a visitor to sign in when the provider is the local one. */
record LocalSignIn(String path) {

    LocalSignIn {
        Objects.requireNonNull(path, "the sign-in path");
    }
}
