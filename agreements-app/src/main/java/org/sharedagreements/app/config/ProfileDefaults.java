package org.sharedagreements.app.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Chooses the default profile once the environment holds every source Spring Boot reads (config files in
 * {@code ./config} or an additional location, {@code SPRING_APPLICATION_JSON}, config trees, the command line, the
 * environment): with no profile chosen, a configured database means {@code prod}, none means {@code local}. Chosen
 * earlier, a database configured in a file would run the local profile, with its development tokens, against it.
 * <p>
 * The local profile's rules apply at once ({@link ProfileRules}); the production checks wait for the context's
 * refresh ({@link ProfileRulesAtRefresh}), because settings may still arrive until then (a test's
 * {@code @DynamicPropertySource}, an initializer).
 */
public class ProfileDefaults implements EnvironmentPostProcessor, Ordered {

    static final String UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Axon's update check calls AxonIQ at start-up; this machine and most production networks have no route there.
        if (System.getProperty(UPDATE_CHECK_DISABLED) == null) {
            System.setProperty(UPDATE_CHECK_DISABLED, "true");
        }
        // a default named in configuration is a choice like an active profile; the rules below still apply to it
        if (environment.getActiveProfiles().length == 0
                && !StringUtils.hasText(environment.getProperty("spring.profiles.default"))) {
            environment.setDefaultProfiles(DatasourceSetting.isConfigured(environment) ? "prod" : ProfileRules.LOCAL);
        }
        if (ProfileRules.isLocal(environment)) {
            ProfileRules.enforceLocal(environment);
        }
    }

    /** After ConfigDataEnvironmentPostProcessor (which reads the config files) and every other post-processor. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
