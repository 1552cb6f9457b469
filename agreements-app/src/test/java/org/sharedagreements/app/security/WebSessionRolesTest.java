package org.sharedagreements.app.security;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A web session's roles come from the provider's {@code roles} claim as the API's come from a token's; and the
 * pages' CSP lets signing out go on to a provider's end-session endpoint.
 */
class WebSessionRolesTest {

    @Test
    void eachOfOurRolesInTheClaimBecomesItsAuthorityAndTheRestStays() {
        assertThat(authorities(List.of(Role.COUNSELLOR.claim(), Role.AUDITOR.claim(), "admin")))
                .contains("OIDC_USER", Role.COUNSELLOR.authority(), Role.AUDITOR.authority())
                .doesNotContain(Role.OPERATOR.authority(), Role.AUTHORITY_PREFIX + "admin");
    }

    @Test
    void aSpaceSeparatedClaimIsReadAsTheApiReadsIt() {
        assertThat(authorities(Role.OPERATOR.claim() + " " + Role.COUNSELLOR.claim()))
                .contains(Role.OPERATOR.authority(), Role.COUNSELLOR.authority());
    }

    @Test
    void withoutTheClaimThePersonIsAPartner() {
        assertThat(authorities(null)).containsExactly("OIDC_USER");
        assertThat(authorities(Map.of("realm", "x"))).containsExactly("OIDC_USER");
    }

    @Test
    void signingOutMayGoOnToTheProvidersOrigin() {
        ClientRegistration keycloak = ClientRegistration.withRegistrationId("keycloak").clientId("web")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://id.example.org/realms/a/protocol/openid-connect/auth")
                .tokenUri("https://id.example.org/realms/a/protocol/openid-connect/token")
                .providerConfigurationMetadata(Map.of("end_session_endpoint",
                        "https://id.example.org:8443/realms/a/protocol/openid-connect/logout"))
                .build();
        assertThat(WebSecurityConfiguration.signOutOrigins(new InMemoryClientRegistrationRepository(keycloak)))
                .containsExactly("https://id.example.org:8443");
        assertThat(WebSecurityConfiguration.signOutOrigins(id -> keycloak)).isEmpty();
    }

    private static List<String> authorities(Object roles) {
        OidcIdToken.Builder token = OidcIdToken.withTokenValue("t").subject("alice").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        if (roles != null) {
            token.claim(RolesFromClaims.CLAIM, roles);
        }
        Collection<? extends GrantedAuthority> mapped = new RolesFromClaims()
                .mapAuthorities(List.of(new OidcUserAuthority(token.build())));
        return mapped.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
