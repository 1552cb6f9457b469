package org.sharedagreements.app.config;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Where the local profile keeps its database and secrets: under {@code ./data}. Added as the lowest-precedence
 * source once the local profile is known to run, rather than as a profile document of application.yml, because
 * profile documents are resolved before the default profile can be chosen.
 */
final class LocalDefaults {

    static final String SOURCE = "agreementsLocalDefaults";

    private LocalDefaults() {
    }

    static void addTo(ConfigurableEnvironment environment) {
        if (!environment.getPropertySources().contains(SOURCE)) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, Map.of(
                    "agreements.embedded.data-dir", "./data/postgres",
                    "agreements.security.local-secret-file", "./data/jwt-secret",
                    "agreements.crypto.local-master-key-file", "./data/master-key",
                    "agreements.crypto.local-blind-index-key-file", "./data/blind-index-key",
                    "agreements.crypto.local-checkpoint-signing-key-file", "./data/checkpoint-signing-key")));
        }
    }
}
