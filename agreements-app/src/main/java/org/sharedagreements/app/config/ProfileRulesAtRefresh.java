package org.sharedagreements.app.config;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * Applies {@link ProfileRules} again when the context refreshes, before configuration classes are parsed and
 * before any bean exists: property sources added after the environment was prepared (initializers, a test's
 * {@code @DynamicPropertySource}) can configure a database under the local profile, or complete a production
 * start's settings. The first registry post-processor of the context, because it is added by the first initializer.
 */
public class ProfileRulesAtRefresh implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new Check(context));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private record Check(ConfigurableApplicationContext context) implements BeanDefinitionRegistryPostProcessor {

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            ProfileRules.enforce(context.getEnvironment());
        }
    }
}
