package org.sharedagreements.app.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.web.account.LocalAccount;
import org.sharedagreements.web.account.LocalAccounts;
import org.sharedagreements.web.account.PasskeyUsers;
import org.sharedagreements.web.account.Passkeys;
import org.sharedagreements.web.account.ProviderSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpMessageConverterAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The local profile's own OpenID provider (Spring Authorization Server), so that the README's run command gives
 * the real sign-in flow with no other process: its endpoints (first chain), its sign-in and sign-up pages
 * (second), its one client {@link LocalSignInClient}. Configured by hand rather than by Spring Boot's
 * {@code spring.security.oauth2.authorizationserver.*}, whose client needs a fixed redirect URI and whose defaults
 * would also start in production (their auto-configurations are excluded in application.yml). The issuer is not
 * fixed either: Spring Authorization Server takes it from the request, so a random test port works.
 * <p>
 * The provider and the web pages share the browser's session; the provider keeps its sign-in and its saved
 * request under session attributes of its own, so that being signed in at the provider never counts as being
 * signed in to the pages (only the OpenID login does), and neither side's saved request replaces the other's.
 * Authorizations and consents are in memory: this provider serves one node in development, and a restart only
 * makes the pages sign in again (the provider's own sign-in lives on in the session table).
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class LocalIdentityProviderConfiguration {

    static final String SIGN_IN_PAGE = "/auth/login";
    /** The provider's pages, and Spring's WebAuthn endpoints that they call. */
    private static final String[] SIGN_IN_PATHS = {"/auth/**", "/webauthn/**", "/login/webauthn"};
    private static final String PROVIDER_CONTEXT = "AGREEMENTS_IDENTITY_PROVIDER_SECURITY_CONTEXT";
    private static final String PROVIDER_SAVED_REQUEST = "AGREEMENTS_IDENTITY_PROVIDER_SAVED_REQUEST";

    @Bean
    @Order(1)
    public SecurityFilterChain identityProviderEndpoints(HttpSecurity http, JWKSource<SecurityContext> keys)
            throws Exception {
        OAuth2AuthorizationServerConfigurer provider = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http
                .securityMatcher(provider.getEndpointsMatcher())
                // the logout endpoint too: signing out of the pages ends the provider's sign-in (RP-initiated)
                .with(provider, server -> server.oidc(oidc -> oidc.logoutEndpoint(Customizer.withDefaults())))
                .headers(SecurityConfiguration::browserHeaders)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
                .securityContext(context -> context.securityContextRepository(providerContext()))
                .requestCache(cache -> cache.requestCache(providerRequests()))
                // the user-info endpoint takes the provider's own access tokens, not the API's
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt -> jwt
                        .decoder(OAuth2AuthorizationServerConfiguration.jwtDecoder(keys))))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain identityProviderPages(HttpSecurity http, LocalAccounts accounts,
                                                     PasswordEncoder passwords) throws Exception {
        DaoAuthenticationProvider byPassword = new DaoAuthenticationProvider(accounts);
        byPassword.setPasswordEncoder(passwords);
        // a passkey's user entity is named by the account id, so the passkey sign-in finds accounts by id
        http.setSharedObject(UserDetailsService.class, accounts.byAccountId());
        http
                .securityMatcher(SIGN_IN_PATHS)
                .headers(SecurityConfiguration::browserHeaders)
                .authenticationManager(new ProviderManager(new PasswordAttempts(byPassword)))
                .authorizeHttpRequests(authorize -> authorize.anyRequest().permitAll())
                .securityContext(context -> context.securityContextRepository(providerContext()))
                .requestCache(cache -> cache.requestCache(providerRequests()))
                .formLogin(form -> form.loginPage(SIGN_IN_PAGE).failureHandler(signInRefused()))
                // Spring's endpoints: POST /webauthn/register/options and /webauthn/register (for whoever is signed
                // in here), POST /webauthn/authenticate/options and /login/webauthn; our own pages use them
                .webAuthn(passkeys -> passkeys.rpId(LocalRelyingParty.RP_ID).rpName("Shared agreements (local)")
                        .disableDefaultRegistrationPage(true)
                        .creationOptionsRepository(new PasskeyCreationOptions(Clock.systemUTC())));
        DefaultSecurityFilterChain chain = http.build();
        // The passkey sign-in filter keeps its own defaults (Spring's configurer does not pass it this chain's
        // settings): it would save the sign-in where the pages' session looks, which would count being signed in
        // at the provider as being signed in to the pages. So it gets the provider's own context and saved
        // request, and a new session id on sign-in, as the password sign-in has.
        for (Filter filter : chain.getFilters()) {
            if (filter instanceof WebAuthnAuthenticationFilter byPasskey) {
                byPasskey.setSecurityContextRepository(providerContext());
                byPasskey.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                HttpMessageConverterAuthenticationSuccessHandler signedIn =
                        new HttpMessageConverterAuthenticationSuccessHandler();
                signedIn.setRequestCache(providerRequests());
                byPasskey.setAuthenticationSuccessHandler(signedIn);
            }
        }
        return chain;
    }

    /** A wrong password back to the sign-in page with {@code ?error}; a name tried too often with {@code ?throttled}. */
    private static AuthenticationFailureHandler signInRefused() {
        ExceptionMappingAuthenticationFailureHandler refused = new ExceptionMappingAuthenticationFailureHandler();
        refused.setDefaultFailureUrl(SIGN_IN_PAGE + "?error");
        refused.setExceptionMappings(Map.of(LockedException.class.getName(), SIGN_IN_PAGE + "?throttled"));
        return refused;
    }

    /** Signs a person in here after sign-up for a passkey, as the password sign-in would, and goes on after it. */
    @Bean
    ProviderSession providerSession() {
        SecurityContextRepository contexts = providerContext();
        RequestCache requests = providerRequests();
        return new ProviderSession() {
            @Override
            public void signIn(LocalAccount account, HttpServletRequest request, HttpServletResponse response) {
                request.getSession();
                request.changeSessionId();
                org.springframework.security.core.context.SecurityContext context =
                        SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account, null,
                        account.getAuthorities()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }

            @Override
            public String resumeUrl(HttpServletRequest request, HttpServletResponse response) {
                SavedRequest saved = requests.getRequest(request, response);
                if (saved == null) {
                    return "/app";
                }
                requests.removeRequest(request, response);
                return saved.getRedirectUrl();
            }
        };
    }

    @Bean
    LocalRelyingParty localRelyingParty(PasskeyUsers users, Passkeys passkeys, LocalAccounts accounts) {
        return new LocalRelyingParty(users, passkeys, accounts);
    }

    private static HttpSessionSecurityContextRepository providerContext() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(PROVIDER_CONTEXT);
        return repository;
    }

    private static HttpSessionRequestCache providerRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName(PROVIDER_SAVED_REQUEST);
        return cache;
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LocalSignInClient localSignInClient(PasswordEncoder passwords) {
        return new LocalSignInClient(passwords);
    }

    @Bean
    public RegisteredClientRepository registeredClientRepository(LocalSignInClient client) {
        return client.registeredClients();
    }

    @Bean
    public ClientRegistrationRepository clientRegistrationRepository(LocalSignInClient client) {
        return client.clientRegistrations();
    }

    @Bean
    LocalSignIn localSignIn(LocalSignInClient client) {
        return new LocalSignIn("/oauth2/authorization/" + LocalSignInClient.REGISTRATION_ID, client::issuer);
    }

    @Bean
    public OAuth2AuthorizationService authorizationService() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    public OAuth2AuthorizationConsentService authorizationConsentService() {
        return new InMemoryOAuth2AuthorizationConsentService();
    }

    /** The issuer is left unset: Spring Authorization Server then names the base URL each request came to. */
    @Bean
    public AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** A signing key per start: ID tokens are checked moments after they are issued, by this same process. */
    @Bean
    public JWKSource<SecurityContext> identityProviderKeys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /**
     * The ID token names the person as they signed up ({@code name}, {@code preferred_username}, with the profile
     * scope) and carries their roles ({@code roles}, as the API's tokens do), whether they signed in by password
     * (the principal is their account) or by passkey (it is the passkey's user, named by the account id).
     */
    @Bean
    public OAuth2TokenCustomizer<JwtEncodingContext> accountInIdToken(LocalAccounts accounts) {
        return context -> {
            if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                return;
            }
            Authentication principal = context.getPrincipal();
            Optional<LocalAccount> account = principal.getPrincipal() instanceof LocalAccount local
                    ? Optional.of(local) : accounts.byId(principal.getName());
            account.ifPresent(signedIn -> {
                context.getClaims().claim(RolesFromClaims.CLAIM,
                        signedIn.roles().stream().map(Role::claim).toList());
                if (context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
                    context.getClaims().claim(StandardClaimNames.NAME, signedIn.loginName())
                            .claim(StandardClaimNames.PREFERRED_USERNAME, signedIn.loginName());
                }
            });
        };
    }
}
