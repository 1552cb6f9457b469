package org.sharedagreements.app.config;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import java.util.List;
import java.util.Optional;

/**
 * The one answer to "is a database configured?", which decides the default profile, refuses the local profile and
 * is the first production check. Read through Spring Boot's binder, so every spelling Boot accepts counts
 * ({@code SPRING_DATASOURCE_URL}, {@code jdbcUrl} in YAML, ...).
 */
public final class DatasourceSetting {

    /** Every setting that points the service, its connection pool or its migrations at a database server. */
    static final List<String> NAMES = List.of(
            "spring.datasource.url",
            "spring.datasource.jndi-name",
            "spring.datasource.hikari.jdbc-url",
            "spring.datasource.hikari.data-source-class-name",
            "spring.datasource.hikari.data-source-jndi",
            "spring.flyway.url");

    private DatasourceSetting() {
    }

    /** The name of the first non-blank database setting (never its value, which may hold a password). */
    public static Optional<String> configured(Environment environment) {
        Binder binder = Binder.get(environment);
        return NAMES.stream()
                .filter(name -> binder.bind(name, String.class).map(StringUtils::hasText).orElse(false))
                .findFirst();
    }

    public static boolean isConfigured(Environment environment) {
        return configured(environment).isPresent();
    }
}
