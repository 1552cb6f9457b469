package org.sharedagreements.app.config;

import org.sharedagreements.app.AgreementsApplication;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the real application as far as the start of its context's refresh, the last moment the profile rules are
 * applied, and stops there (before any bean exists, so nothing connects, no port opens and {@code /dev/tokens}
 * cannot exist): the outcome is either the refusal or the profiles the start would run. Also a main class, for
 * starts whose configuration must come from a child JVM (its working directory, its environment variables).
 */
public final class StartProbe {

    static final String OUTCOME = "start-probe-outcome: ";

    /** What a start came to: a refusal, or the profiles it passed the rules with. */
    public record Outcome(RuntimeException refusal, List<String> profiles, boolean localDefaults) {

        String line() {
            if (refusal != null) {
                return "refused " + refusal.getClass().getSimpleName() + ": " + refusal.getMessage();
            }
            return "passed " + String.join(",", profiles) + (localDefaults ? " with local defaults" : "");
        }
    }

    private StartProbe() {
    }

    @SafeVarargs
    static Outcome start(ConfigurableEnvironment environment, List<String> args,
                         ApplicationContextInitializer<ConfigurableApplicationContext>... beforeRefresh) {
        SpringApplication application = new SpringApplication(AgreementsApplication.class);
        application.setRegisterShutdownHook(false);
        if (environment != null) {
            application.setEnvironment(environment);
        }
        List<Outcome> passed = new ArrayList<>();
        application.addInitializers(beforeRefresh);
        // added after the application's own initializers, so this runs after ProfileRulesAtRefresh's check
        application.addInitializers(context -> context.addBeanFactoryPostProcessor(new StopHere(context, passed)));
        try {
            application.run(args.toArray(String[]::new));
        } catch (SpringApplication.AbandonedRunException stopped) {
            stopped.getApplicationContext().close();
            return passed.get(0);
        } catch (RefusedStart refusal) {
            return new Outcome(refusal, List.of(), false);
        }
        throw new AssertionError("the probe did not stop the start");
    }

    /** Child JVM: prints the outcome of a start with the JVM's own working directory and environment. */
    public static void main(String[] args) {
        System.out.println(OUTCOME + start(null, Arrays.asList(args)).line());
    }

    private record StopHere(ConfigurableApplicationContext context, List<Outcome> passed)
            implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            ConfigurableEnvironment environment = context.getEnvironment();
            passed.add(new Outcome(null, List.of(environment.getActiveProfiles().length > 0
                    ? environment.getActiveProfiles() : environment.getDefaultProfiles()),
                    environment.getPropertySources().contains(LocalDefaults.SOURCE)));
            throw new SpringApplication.AbandonedRunException(context);
        }
    }
}
