package org.sharedagreements.app.config;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.config.ConfigSourcesTest.environment;

/**
 * The local profile runs only without a configured database, however it was chosen and whenever the database
 * setting arrived; every other profile is a production start and is checked as one.
 */
class ProfileRulesTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:1/none";
    private static final String SECRET = "a-secret-that-is-at-least-32-bytes-long";
    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String BLIND_INDEX_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String CHECKPOINT_KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void localChosenExplicitlyRefusesAConfiguredDatasource() {
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of("spring.profiles.active", "local",
                "spring.datasource.url", URL)), List.of());
        assertThat(outcome.refusal()).isInstanceOf(LocalProfileRefused.class)
                .hasMessage("profile local runs only on its embedded PostgreSQL, but spring.datasource.url is set");
        assertThat(new RefusedStartFailureAnalyzer().analyze(outcome.refusal()).getAction())
                .contains("SPRING_PROFILES_ACTIVE=prod");
    }

    @Test
    void localRefusesADatasourceAddedAfterTheEnvironmentWasPrepared() {
        // as a test's @DynamicPropertySource or an initializer adds it: after the default profile was chosen
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of()), List.of(), context -> context
                .getEnvironment().getPropertySources().addFirst(new MapPropertySource("late",
                        Map.of("spring.datasource.hikari.jdbc-url", URL))));
        assertThat(outcome.refusal()).isInstanceOf(LocalProfileRefused.class)
                .hasMessageContaining("spring.datasource.hikari.jdbc-url");
    }

    @Test
    void aProfileChosenAfterTheEnvironmentWasPreparedIsCheckedAtRefresh() {
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of()), List.of(),
                context -> context.getEnvironment().setActiveProfiles("prod"));
        assertThat(outcome.refusal()).isInstanceOf(MissingProductionSetting.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void productionSettingsMayArriveUntilTheContextRefreshes() {
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of("spring.profiles.active", "prod")), List.of(),
                context -> context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("late", Map.of(
                        "spring.datasource.url", URL, "agreements.security.jwt.hmac-secret", SECRET,
                        "agreements.crypto.master-key", MASTER_KEY, "agreements.crypto.blind-index-key", BLIND_INDEX_KEY,
                        "agreements.crypto.checkpoint-signing-key", CHECKPOINT_KEY))));
        assertThat(outcome.line()).isEqualTo("passed prod");
    }

    @Test
    void everyProfileButLocalRunsTheProductionChecks() {
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of("spring.profiles.active", "staging",
                "agreements.security.jwt.hmac-secret", SECRET, "agreements.crypto.master-key", MASTER_KEY)), List.of());
        assertThat(outcome.refusal()).isInstanceOf(MissingProductionSetting.class)
                .hasMessage("profile staging needs a PostgreSQL database: set SPRING_DATASOURCE_URL (and _USERNAME, "
                        + "_PASSWORD)");
    }

    @Test
    void aConfiguredDatasourceWithEverySettingStartsAsProdWithoutTheLocalDefaults() {
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of("spring.datasource.url", URL,
                "agreements.security.jwt.hmac-secret", SECRET, "agreements.crypto.master-key", MASTER_KEY,
                "agreements.crypto.blind-index-key", BLIND_INDEX_KEY,
                "agreements.crypto.checkpoint-signing-key", CHECKPOINT_KEY)), List.of());
        assertThat(outcome.line()).isEqualTo("passed prod");
    }

    @Test
    void aDefaultProfileNamedInConfigurationIsKeptAndChecked() {
        StartProbe.Outcome outcome = StartProbe.start(environment(Map.of("spring.profiles.default", "prod")),
                List.of());
        assertThat(outcome.refusal()).isInstanceOf(MissingProductionSetting.class)
                .hasMessageStartingWith("profile prod needs a PostgreSQL database");
    }

    @Test
    void theLocalDefaultsGiveWayToEveryConfiguredValue() {
        StandardEnvironment environment = environment(Map.of("agreements.embedded.data-dir", "/srv/agreements/pg"));
        new ProfileDefaults().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("agreements.embedded.data-dir")).isEqualTo("/srv/agreements/pg");
        assertThat(environment.getProperty("agreements.security.local-secret-file")).isEqualTo("./data/jwt-secret");
        assertThat(environment.getProperty("agreements.crypto.local-master-key-file")).isEqualTo("./data/master-key");
    }

    @Test
    void everyDatabaseSettingCountsAndABlankOneDoesNot() {
        for (String name : DatasourceSetting.NAMES) {
            assertThat(DatasourceSetting.configured(environment(Map.of(name, "x")))).as(name).contains(name);
        }
        assertThat(DatasourceSetting.isConfigured(environment(Map.of("spring.datasource.url", " ")))).isFalse();
        assertThat(DatasourceSetting.isConfigured(environment(Map.of("spring.datasource.username", "app")))).isFalse();

        StandardEnvironment variables = new StandardEnvironment();
        variables.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("SPRING_DATASOURCE_JNDINAME", "java:comp/env/jdbc/agreements")));
        assertThat(DatasourceSetting.configured(variables)).contains("spring.datasource.jndi-name");
    }
}
