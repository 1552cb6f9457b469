package org.sharedagreements.app.config;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.AgreementsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The prod profile refuses to start without a database or a JWT setting, and says why in one line. */
class ProductionProfileTest {

    @Test
    void prodWithoutADatasourceRefusesToStart() {
        assertThatThrownBy(() -> start(Map.of("spring.profiles.active", "prod",
                "agreements.security.jwt.hmac-secret", "a-secret-that-is-at-least-32-bytes-long")))
                .isInstanceOf(MissingProductionSetting.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL");
    }

    @Test
    void prodWithoutAnyJwtSettingRefusesToStart() {
        assertThatThrownBy(() -> start(Map.of("spring.profiles.active", "prod",
                "spring.datasource.url", "jdbc:postgresql://localhost:1/none")))
                .isInstanceOf(MissingProductionSetting.class)
                .hasMessageContaining("AGREEMENTS_SECURITY_JWT_HMAC_SECRET");
    }

    @Test
    void prodWithoutAMasterKeyRefusesToStart() {
        assertThatThrownBy(() -> start(Map.of("spring.profiles.active", "prod",
                "spring.datasource.url", "jdbc:postgresql://localhost:1/none",
                "agreements.security.jwt.hmac-secret", "a-secret-that-is-at-least-32-bytes-long")))
                .isInstanceOf(MissingProductionSetting.class)
                .hasMessageContaining("AGREEMENTS_CRYPTO_MASTER_KEY");
    }

    @Test
    void aConfiguredDatasourceMakesProdTheDefaultProfile() {
        StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/agreements"));
        new ProfileDefaults().postProcessEnvironment(environment, null);
        assertThat(environment.getDefaultProfiles()).containsExactly("prod");

        StandardEnvironment bare = environment(Map.of());
        new ProfileDefaults().postProcessEnvironment(bare, null);
        assertThat(bare.getDefaultProfiles()).containsExactly("local");
    }

    @Test
    void theFailureIsReportedAsOneLine() {
        FailureAnalysis analysis = new RefusedStartFailureAnalyzer()
                .analyze(new MissingProductionSetting("profile prod needs a PostgreSQL database"));
        assertThat(analysis.getDescription()).doesNotContain("\n").contains("PostgreSQL");
        assertThat(analysis.getAction()).contains("section Production");
    }

    private static void start(Map<String, Object> properties) {
        new SpringApplicationBuilder(AgreementsApplication.class).environment(environment(properties))
                .run("--server.port=0").close();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
