package org.sharedagreements.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * Tokens ({@code agreements.security.*}); the provider settings are Spring Boot's own
 * ({@code spring.security.oauth2.resourceserver.jwt.*}). The secret's length is checked by {@link HmacSecret} when
 * the service starts, and a node with no way to verify tokens refuses to start.
 *
 * @param jwt the shared-secret (HS256) tokens
 * @param localSecretFile where the local profile keeps the secret {@code /dev/tokens} signs with
 *                        ({@code ./data/jwt-secret}, set by that profile); read by no other profile
 */
@Validated
@ConfigurationProperties("agreements.security")
public record SecuritySettings(@Valid @NotNull @DefaultValue Jwt jwt, Path localSecretFile) {

    /**
     * @param hmacSecret accept HS256 tokens signed with the UTF-8 bytes of this secret (at least 32 bytes); none by
     *                   default, since a secret in the code would let anyone sign tokens
     */
    public record Jwt(String hmacSecret) {

        @Override
        public String toString() {
            return "Jwt[hmacSecret=" + (hmacSecret == null ? "none" : "****") + "]";
        }
    }
}
