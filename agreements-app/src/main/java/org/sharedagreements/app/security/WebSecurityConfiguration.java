package org.sharedagreements.app.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;


/**
 * The web pages' chain (order 3, before the API's): a session signed in by OpenID Connect ({@code oauth2Login})
 * with CSRF protection, the backend-for-frontend way: the provider's tokens stay in the session on the server
 * (Spring Session JDBC, so any node serves any request) and the browser holds only the session cookie
 * (HttpOnly, SameSite=Lax, Secure on secure requests: {@code server.servlet.session.cookie.*}). The provider is the
 * local one in the local profile, else whatever {@code spring.security.oauth2.client.*} configures. The session's
 * roles come from the provider's {@code roles} claim ({@link RolesFromClaims}), and signing out signs out at the
 * provider too where it allows (RP-initiated logout). With no client
 * registration at all there is no such chain: the API's takes {@code /app} too, and the pages answer no bearer
 * token (see {@code HomeController}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(WebSignInConfigured.class)
public class WebSecurityConfiguration {

    private static final String AUTHORIZATION_REQUESTS = "/oauth2/authorization";
    private static final String[] PAGES = {"/", "/app", "/app/**", "/login", "/login/**", "/oauth2/authorization/**",
            "/logout", "/web/**"};

    @Bean
    @Order(3)
    public SecurityFilterChain webPages(HttpSecurity http, ClientRegistrationRepository registrations,
                                        ObjectProvider<LocalSignIn> localSignIn) throws Exception {
        http
                .securityMatcher(PAGES)
                .headers(headers -> SecurityConfiguration.browserHeaders(headers, signOutOrigins(registrations)))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/web/**").permitAll()
                        .anyRequest().authenticated());
        OAuth2AuthorizedClientRepository inTheSession = new HttpSessionOAuth2AuthorizedClientRepository();
        // PKCE for every provider, confidential client or not (OAuth 2.0 Security BCP)
        DefaultOAuth2AuthorizationRequestResolver requests = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, AUTHORIZATION_REQUESTS);
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .authorizedClientRepository(inTheSession)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(new RolesFromClaims()))
                        .defaultSuccessUrl("/app"))
                .oauth2Client(client -> client.authorizedClientRepository(inTheSession))
                .logout(logout -> logout.logoutSuccessHandler(signOutAtTheProviderToo(registrations)));
        LocalSignIn local = localSignIn.getIfAvailable();
        if (local != null) {
            // the local registration is built once the server listens, so Spring cannot list it to pick it itself;
            // the sign-in starts on the provider's origin, whichever host the visitor typed (LocalSignIn)
            http.exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint((request, response, refused) -> response.sendRedirect(local.url())));
        }
        return http.build();
    }

    /**
     * The origins of the providers' end-session endpoints, where signing out leads after our POST /logout (none
     * for the local provider, which is this origin, and whose registrations Spring cannot list).
     */
    static List<String> signOutOrigins(ClientRegistrationRepository registrations) {
        List<String> origins = new ArrayList<>();
        if (registrations instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration
                        && registration.getProviderDetails().getConfigurationMetadata()
                        .get("end_session_endpoint") instanceof String endpoint) {
                    URI uri = URI.create(endpoint);
                    if (uri.getScheme() != null && uri.getRawAuthority() != null) {
                        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
                        if (!origins.contains(origin)) {
                            origins.add(origin);
                        }
                    }
                }
            }
        }
        return origins;
    }

    /**
     * RP-initiated logout: where the provider advertises an {@code end_session_endpoint}, signing out of the pages
     * sends the browser there (with the ID token as hint), so the provider's session ends too, and it sends the
     * person back to {@code /}; a provider without one ends only our session.
     */
    private static LogoutSuccessHandler signOutAtTheProviderToo(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setDefaultTargetUrl("/");
        return handler;
    }
}
