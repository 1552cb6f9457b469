package org.sharedagreements.app.security;

import org.sharedagreements.kernel.access.AccessPolicy;
import org.sharedagreements.kernel.access.Decision;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.kernel.access.Scope;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.net.URI;
import java.time.Duration;

/**
 * Every endpoint needs a valid bearer token (metrics: the operator role), except the health probes and {@code /dev/tokens} (which exists
 * only in the local profile; elsewhere it is a plain 404). Refusals are problem+json like every other error.
 * Prometheus scrapes need no token on the management server ({@code management.server.port}, a private port);
 * on the public port they stay the operators'. Every answer carries the browser headers below.
 * <p>
 * This chain is the last one and takes every request the others leave: the local identity provider's
 * ({@link LocalIdentityProviderConfiguration}, orders 1 and 2) and the web pages' ({@link WebSecurityConfiguration},
 * order 3) match only their own paths.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Our page and Swagger UI load only their own scripts and styles, none inline (so markup that slipped in cannot
     * run), and nothing may frame them.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Nothing here needs a device or a sensor: no page of ours (or one it is tricked into loading) may ask. */
    private static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), screen-wake-lock=(), "
            + "serial=(), usb=(), xr-spatial-tracking=()";
    private static final long HSTS_MAX_AGE_SECONDS = Duration.ofDays(365).toSeconds();

    /**
     * No observations of Spring Security's own: one per filter per request, per authentication and per
     * authorization, which nothing exports (the HTTP server's metrics already time every request). Without this,
     * every filter is still wrapped in an observing decorator even when a predicate drops the observations: an
     * eighth of a command's CPU in the benchmark's profile.
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::browserHeaders)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/dev/tokens", "/error").permitAll()
                        // the management server listens on a private network that the scraper shares
                        .requestMatchers(new AndRequestMatcher(onManagementServer(),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))).permitAll()
                        // the API's description holds no data: client developers read it before they have a token
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // metrics name no agreement content, but they are the operators' business (the one policy)
                        .requestMatchers("/actuator/**").access(SecurityConfiguration::operations)
                        // the master key operations run on every node (data keys live on both sides), so the
                        // operations scope is checked here rather than by the query side's gate
                        .requestMatchers("/api/admin/master-key/**").access(SecurityConfiguration::operations)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(authorizationHeaderOnly())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, exception) -> {
                            bearerEntryPoint.commence(request, response, exception);
                            writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED,
                                    "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, exception) -> {
                            bearerDenied.handle(request, response, exception);
                            writeProblem(response, objectMapper, HttpStatus.FORBIDDEN,
                                    "Your role may not do this.");
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, exception) -> {
                            bearerEntryPoint.commence(request, response, exception);
                            writeProblem(response, objectMapper, HttpStatus.UNAUTHORIZED,
                                    "A valid bearer token is required.");
                        }));
        return http.build();
    }

    /** The browser headers of every answer, the API's and the web pages' alike. */
    static void browserHeaders(HeadersConfigurer<HttpSecurity> headers) {
        browserHeaders(headers, List.of());
    }

    /**
     * The same, where a form of ours may also lead to {@code formTargets} (origins): browsers hold the redirect
     * after a form's POST to {@code form-action} too, so signing out (POST /logout, then on to the OpenID
     * provider's end-session endpoint) needs the provider's origin there.
     */
    static void browserHeaders(HeadersConfigurer<HttpSecurity> headers, List<String> formTargets) {
        String policy = formTargets.isEmpty() ? CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY.replace(
                "form-action 'self'", "form-action 'self' " + String.join(" ", formTargets));
        headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(frames -> frames.deny())
                // only on secure requests: over TLS, or X-Forwarded-Proto: https from a trusted proxy
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                        .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS));
    }

    /**
     * The token comes from the {@code Authorization} header only (Spring Security's default, made explicit): asking
     * for an {@code access_token} parameter would make Tomcat read a form body before the caller is authenticated,
     * and a token in a URL ends up in logs and browser histories.
     */
    private static BearerTokenResolver authorizationHeaderOnly() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        resolver.setAllowFormEncodedBodyParameter(false);
        resolver.setAllowUriQueryParameter(false);
        return resolver;
    }

    /**
     * Requests that arrived on the management server: Spring Boot runs it as a child context with the server
     * namespace "management" and applies this filter chain there too; the request's servlet context says which
     * server it came through (the same test Spring Boot's {@code EndpointRequest} makes). Without
     * {@code management.server.port} there is no such server and nothing matches.
     */
    private static RequestMatcher onManagementServer() {
        return request -> WebServerApplicationContext.hasServerNamespace(
                WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");
    }

    private static AuthorizationDecision operations(Supplier<Authentication> authentication,
                                                    RequestAuthorizationContext request) {
        Set<Role> roles = Role.fromAuthorities(authentication.get().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList());
        return new AuthorizationDecision(AccessPolicy.scope(Scope.OPERATIONS, roles) == Decision.ALLOW);
    }

    /** Roles come from the JWT's {@code roles} array: {@code counsellor}, {@code auditor}, {@code operator}. */
    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix(Role.AUTHORITY_PREFIX);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
                             String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
