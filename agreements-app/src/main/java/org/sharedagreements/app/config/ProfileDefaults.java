package org.sharedagreements.app.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

import java.util.Arrays;

/**
 * Chooses the default profile and checks the production settings before anything starts.
 * <p>
 * With no profile chosen, the service runs as {@code local} (embedded PostgreSQL under {@code ./data}, development
 * tokens) unless a datasource URL is configured: then it runs as {@code prod}, so a production start that forgot
 * {@code SPRING_PROFILES_ACTIVE} never exposes {@code /dev/tokens}. Under {@code prod} a missing datasource URL or
 * a missing JWT setting or master key stops the start with a one-line reason ({@link MissingProductionSetting}).
 */
public class ProfileDefaults implements EnvironmentPostProcessor, Ordered {

    static final String UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's update check calls AxonIQ at start-up; this machine and most production networks have no route there.
        if (System.getProperty(UPDATE_CHECK_DISABLED) == null) {
            System.setProperty(UPDATE_CHECK_DISABLED, "true");
        }
        // Runs before the config files are read, so the chosen default decides which profile documents apply;
        // a datasource URL can only come from the environment or the command line at this point, as it should.
        if (!StringUtils.hasText(environment.getProperty("spring.profiles.active"))) {
            boolean datasourceConfigured = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
            environment.setDefaultProfiles(datasourceConfigured ? "prod" : "local");
        }
    }

    /** Runs after the config files are read: refuses a {@code prod} start that lacks what it needs. */
    public static class ProductionCheck implements EnvironmentPostProcessor, Ordered {

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            String[] profiles = environment.getActiveProfiles().length > 0
                    ? environment.getActiveProfiles() : environment.getDefaultProfiles();
            if (Arrays.asList(profiles).contains("prod")) {
                checkProduction(environment);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static void checkProduction(ConfigurableEnvironment environment) {
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new MissingProductionSetting(
                    "profile prod needs a PostgreSQL database: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD)");
        }
        boolean hmac = StringUtils.hasText(environment.getProperty("agreements.security.jwt.hmac-secret"));
        boolean oidc = StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                || StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
        if (!hmac && !oidc) {
            throw new MissingProductionSetting("profile prod needs a JWT setting: set AGREEMENTS_SECURITY_JWT_HMAC_SECRET"
                    + " or spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        if (!StringUtils.hasText(environment.getProperty("agreements.crypto.master-key"))) {
            throw new MissingProductionSetting("profile prod needs the master key that protects agreement content: "
                    + "set AGREEMENTS_CRYPTO_MASTER_KEY (base64 of 32 random bytes)");
        }
    }

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }
}
