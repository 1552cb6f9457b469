package org.sharedagreements.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** The web pages' chain exists only where someone can sign in: the local profile, or a configured provider. */
class WebSignInConfiguredTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Pages.class);

    @Test
    void withoutAClientRegistrationThereAreNoPages() {
        runner.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://id.example.org")
                .run(context -> assertThat(context).doesNotHaveBean("pages"));
    }

    @Test
    void aClientRegistrationOfAProviderGivesThePages() {
        runner.withPropertyValues(
                        "spring.security.oauth2.client.registration.keycloak.client-id=agreements-web",
                        "spring.security.oauth2.client.provider.keycloak.issuer-uri=https://id.example.org")
                .run(context -> assertThat(context).hasBean("pages"));
    }

    @Test
    void theLocalProfileSignsInAtItsOwnProvider() {
        runner.withPropertyValues("spring.profiles.active=local")
                .run(context -> assertThat(context).hasBean("pages"));
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(WebSignInConfigured.class)
    static class Pages {

        @Bean
        String pages() {
            return "pages";
        }
    }
}
