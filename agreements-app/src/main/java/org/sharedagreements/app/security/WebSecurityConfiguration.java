package org.sharedagreements.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import java.util.Map;

/**
 * The web pages' chain (order 3, before the API's): a session signed in by OpenID Connect ({@code oauth2Login})
 * with CSRF protection, the backend-for-frontend way: the provider's tokens stay in the session on the server
 * (Spring Session JDBC, so any node serves any request) and the browser holds only the session cookie
 * (HttpOnly, SameSite=Lax, Secure on secure requests: {@code server.servlet.session.cookie.*}). The provider is the
 * local one in the local profile, else whatever {@code spring.security.oauth2.client.*} configures; with no client
 * registration at all the pages answer 404, and the API is unaffected either way.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebSecurityConfiguration.class);
    private static final String AUTHORIZATION_REQUESTS = "/oauth2/authorization";
    private static final String[] PAGES = {"/app", "/app/**", "/login", "/login/**", "/oauth2/authorization/**",
            "/logout", "/web/**"};

    @Bean
    @Order(3)
    public SecurityFilterChain webPages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
                                        ObjectProvider<LocalSignIn> localSignIn) throws Exception {
        http
                .securityMatcher(PAGES)
                .headers(SecurityConfiguration::browserHeaders)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/web/**").permitAll()
                        .anyRequest().authenticated());
        if (registrations.getIfAvailable() == null) {
            log.info("no spring.security.oauth2.client registration: the web pages (/app) answer 404");
            http.exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.NOT_FOUND)));
            return http.build();
        }
        OAuth2AuthorizedClientRepository inTheSession = new HttpSessionOAuth2AuthorizedClientRepository();
        // PKCE for every provider, confidential client or not (OAuth 2.0 Security BCP)
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations.getObject(), AUTHORIZATION_REQUESTS);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .authorizedClientRepository(inTheSession)
                        .defaultSuccessUrl("/app"))
                .oauth2Client(client -> client.authorizedClientRepository(inTheSession))
                .logout(logout -> logout.logoutSuccessUrl("/"));
        LocalSignIn local = localSignIn.getIfAvailable();
        if (local != null) {
            // the local registration is built once the server listens, so Spring cannot list it to pick it itself
            http.exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(local.path())));
        }
        return http.build();
    }

    /**
     * Sessions are not indexed by user id: {@code PRINCIPAL_NAME} stays empty, so the session table lists no one
     * (nothing here looks sessions up by person).
     */
    @Bean
    public SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionsIndexedByNoOne() {
        return repository -> repository.setIndexResolver(session -> Map.of());
    }
}
