package org.sharedagreements.app.security;

import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The one client of the local profile's embedded OpenID provider, {@value #CLIENT_ID}, seen from both ends: as the
 * provider registers it ({@link RegisteredClientRepository}) and as the web pages' sign-in uses it
 * ({@link ClientRegistrationRepository}, registration {@value #REGISTRATION_ID}). Both need the service's own base
 * URL, which with {@code server.port=0} is known only once the server listens, so both are built then. The client
 * secret is random per start: both ends live in this process, and a restart signs people in again anyway (the
 * provider's authorizations are in memory).
 */
final class LocalSignInClient implements ApplicationListener<ServletWebServerInitializedEvent> {

    static final String REGISTRATION_ID = "local";
    static final String CLIENT_ID = "agreements-web";
    private static final int SECRET_BYTES = 32;

    private final String secret;
    private final String encodedSecret;
    private volatile Ends ends;

    LocalSignInClient(PasswordEncoder passwords) {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        this.secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        this.encodedSecret = passwords.encode(secret);
    }

    /** The main server's port (the management server, if any, has a namespace of its own). */
    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            String issuer = "http://localhost:" + event.getWebServer().getPort();
            ends = new Ends(registered(issuer), registration(issuer));
        }
    }

    /** The provider's origin, {@code http://localhost:<port>}. */
    String issuer() {
        return ends().registration().getProviderDetails().getIssuerUri();
    }

    RegisteredClientRepository registeredClients() {
        return new RegisteredClientRepository() {
            @Override
            public void save(RegisteredClient registeredClient) {
                throw new UnsupportedOperationException("the local provider has exactly one client");
            }

            @Override
            public RegisteredClient findById(String id) {
                RegisteredClient client = ends().registered();
                return client.getId().equals(id) ? client : null;
            }

            @Override
            public RegisteredClient findByClientId(String clientId) {
                RegisteredClient client = ends().registered();
                return client.getClientId().equals(clientId) ? client : null;
            }
        };
    }

    ClientRegistrationRepository clientRegistrations() {
        return registrationId -> REGISTRATION_ID.equals(registrationId) ? ends().registration() : null;
    }

    private Ends ends() {
        return Objects.requireNonNull(ends, "the server is not listening yet");
    }

    /**
     * Authorization code with PKCE (and refresh tokens), for the pages' redirect URI on {@code localhost} and on
     * {@code 127.0.0.1}; a first-party client, so the provider asks for no consent.
     */
    private RegisteredClient registered(String issuer) {
        String loopback = issuer.replace("localhost", "127.0.0.1");
        return RegisteredClient.withId(CLIENT_ID)
                .clientId(CLIENT_ID)
                .clientSecret(encodedSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(issuer + "/login/oauth2/code/" + REGISTRATION_ID)
                .redirectUri(loopback + "/login/oauth2/code/" + REGISTRATION_ID)
                .postLogoutRedirectUri(issuer + "/")
                .postLogoutRedirectUri(loopback + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build();
    }

    /**
     * Spelled out rather than discovered from the issuer: discovery would call this very server while it starts.
     * No user-info endpoint: the ID token carries the name, so signing in makes no further call.
     */
    private ClientRegistration registration(String issuer) {
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(CLIENT_ID)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(issuer + "/oauth2/jwks")
                .issuerUri(issuer)
                .userNameAttributeName("sub")
                // RP-initiated logout: signing out of the pages ends the provider's sign-in too
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
                .clientName("Shared agreements (local)")
                .build();
    }

    private record Ends(RegisteredClient registered, ClientRegistration registration) {
    }
}
