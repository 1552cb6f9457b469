package org.sharedagreements.app.security;

import java.util.Objects;

/**
 * The local profile's own signing secret, generated under {@code ./data}: the only key {@code /dev/tokens} signs
 * with. A distinct type from the configured {@link HmacSecret}, so a development token can never be signed with a
 * production secret.
 */
public record LocalTokenSecret(HmacSecret secret) {

    public LocalTokenSecret {
        Objects.requireNonNull(secret, "a local token secret needs a secret");
    }
}
