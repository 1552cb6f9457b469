package org.sharedagreements.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens of an OIDC provider (RS256, keys from its JWK set or found through its issuer's discovery document) and
 * HS256 tokens of the shared secret are accepted side by side; the token's {@code alg} picks the verifier. With
 * audiences configured, every kind of token must name one of them. The provider is served on loopback.
 */
class JwtConfigurationTest {

    private static final String SECRET = "shared-secret-that-is-at-least-32-bytes";
    private static final String OURS = "agreements";
    private static final String ALSO_OURS = "agreements-web";
    private static RSAKey providerKey;
    private static HttpServer provider;
    private static String issuer;

    @BeforeAll
    static void startProvider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + provider.getAddress().getPort();
        serve("/jwks", new JWKSet(providerKey.toPublicJWK()).toString());
        serve("/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\",\"subject_types_supported\":"
                        + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        provider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.stop(0);
    }

    @Test
    void providerAndSharedSecretTokensAreBothAccepted() throws Exception {
        JwtDecoder decoder = decoder(List.of(SECRET), jwkSet());
        Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS);

        assertThat(decoder.decode(rs256(providerKey, "oidc-user", inAnHour)).getSubject()).isEqualTo("oidc-user");
        assertThat(decoder.decode(Api.token("hmac-user", List.of("counsellor"), inAnHour, SECRET)).getSubject())
                .isEqualTo("hmac-user");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        JwtDecoder decoder = decoder(List.of(SECRET), jwkSet());
        assertThatThrownBy(() -> decoder.decode(rs256(stranger, "mallory", Instant.now().plus(1, ChronoUnit.HOURS))))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void providerTokensNeedExpiryAndSubjectToo() throws Exception {
        JwtDecoder decoder = decoder(List.of(), jwkSet());
        assertThatThrownBy(() -> decoder.decode(rs256(providerKey, "no-expiry", null))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(rs256(providerKey, null, Instant.now().plus(1, ChronoUnit.HOURS))))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(Api.token("hmac-user", List.of(), Instant.now().plusSeconds(60), SECRET)))
                .as("without a shared secret configured, HS256 tokens are not accepted")
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aSharedSecretShorterThan32BytesIsRefused() {
        assertThatThrownBy(() -> new HmacSecret("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void withTwoSharedSecretsATokenOfEitherIsAcceptedAndNoOther() {
        String local = "local-secret-generated-under-data-48-bytes-long";
        JwtDecoder decoder = decoder(List.of(SECRET, local), hmacOnly());
        Instant inAMinute = Instant.now().plusSeconds(60);
        assertThat(decoder.decode(Api.token("configured", List.of(), inAMinute, SECRET)).getSubject())
                .isEqualTo("configured");
        assertThat(decoder.decode(Api.token("local", List.of(), inAMinute, local)).getSubject()).isEqualTo("local");
        String third = Api.token("x", List.of(), inAMinute, "a-third-secret-of-32-bytes-or-more");
        assertThatThrownBy(() -> decoder.decode(third)).isInstanceOf(JwtException.class);
    }

    @Test
    void sharedSecretTokensMustNameAConfiguredAudience() throws Exception {
        assertAudienceEnforced(decoder(List.of(SECRET), withAudiences(hmacOnly())),
                JwtConfigurationTest::sharedSecretToken);
    }

    @Test
    void jwkSetTokensMustNameAConfiguredAudience() throws Exception {
        assertAudienceEnforced(decoder(List.of(), withAudiences(jwkSet())), JwtConfigurationTest::providerToken);
    }

    @Test
    void issuerTokensMustNameAConfiguredAudienceAndTheIssuer() throws Exception {
        OAuth2ResourceServerProperties.Jwt settings = withAudiences(new OAuth2ResourceServerProperties().getJwt());
        settings.setIssuerUri(issuer);
        JwtDecoder decoder = decoder(List.of(), settings);
        assertAudienceEnforced(decoder, audience -> providerToken(audience.andThen(claims -> claims.issuer(issuer))));
        String otherIssuer = providerToken(claims -> claims.audience(OURS).issuer("http://127.0.0.1:1"));
        assertThatThrownBy(() -> decoder.decode(otherIssuer)).isInstanceOf(JwtException.class);
    }

    @Test
    void bothKindsOfTokenMustNameAConfiguredAudienceWhenBothAreAccepted() throws Exception {
        JwtDecoder decoder = decoder(List.of(SECRET), withAudiences(jwkSet()));
        assertAudienceEnforced(decoder, JwtConfigurationTest::sharedSecretToken);
        assertAudienceEnforced(decoder, JwtConfigurationTest::providerToken);
    }

    @Test
    void withoutConfiguredAudiencesTheAudienceIsNotChecked() throws Exception {
        String token = sharedSecretToken(claims -> claims.audience("any-application"));
        assertThat(decoder(List.of(SECRET), hmacOnly()).decode(token).getSubject()).isEqualTo("aud-user");
    }

    /** No {@code aud}, another application's, ours, or a list naming ours among others. */
    private static void assertAudienceEnforced(JwtDecoder decoder, TokenWithAudience mint) throws JOSEException {
        String none = mint.token(claims -> { });
        String other = mint.token(claims -> claims.audience("another-application"));
        String others = mint.token(claims -> claims.audience(List.of("another-application", "a-third")));
        String ours = mint.token(claims -> claims.audience(OURS));
        String listed = mint.token(claims -> claims.audience(List.of("another-application", ALSO_OURS)));

        assertThatThrownBy(() -> decoder.decode(none)).as("no aud").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(other)).as("another aud").isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(others)).as("other auds").isInstanceOf(JwtException.class);
        assertThat(decoder.decode(ours).getAudience()).containsExactly(OURS);
        assertThat(decoder.decode(listed).getAudience()).contains(ALSO_OURS);
    }

    @FunctionalInterface
    private interface TokenWithAudience {
        String token(Consumer<JWTClaimsSet.Builder> audience) throws JOSEException;
    }

    private static JwtDecoder decoder(List<String> secrets, OAuth2ResourceServerProperties.Jwt settings) {
        return JwtConfiguration.decoder(secrets.stream().map(HmacSecret::new).toList(), settings);
    }

    private static OAuth2ResourceServerProperties.Jwt hmacOnly() {
        return new OAuth2ResourceServerProperties().getJwt();
    }

    private static OAuth2ResourceServerProperties.Jwt jwkSet() {
        OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties().getJwt();
        settings.setJwkSetUri(issuer + "/jwks");
        return settings;
    }

    private static OAuth2ResourceServerProperties.Jwt withAudiences(OAuth2ResourceServerProperties.Jwt settings) {
        settings.setAudiences(List.of(OURS, ALSO_OURS));
        return settings;
    }

    /** A token with {@code sub}, {@code exp} in an hour and no roles, unless {@code customize} changes them. */
    private static String token(JWSSigner signer, JWSAlgorithm algorithm, String keyId,
                                Consumer<JWTClaimsSet.Builder> customize) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("aud-user").claim("roles", List.of())
                .expirationTime(Date.from(Instant.now().plus(1, ChronoUnit.HOURS)));
        customize.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims.build());
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String sharedSecretToken(Consumer<JWTClaimsSet.Builder> customize) throws JOSEException {
        return token(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, null, customize);
    }

    private static String providerToken(Consumer<JWTClaimsSet.Builder> customize) throws JOSEException {
        return token(new RSASSASigner(providerKey), JWSAlgorithm.RS256, providerKey.getKeyID(), customize);
    }

    private static String rs256(RSAKey key, String subject, Instant expiresAt) throws JOSEException {
        return token(new RSASSASigner(key), JWSAlgorithm.RS256, key.getKeyID(), claims -> claims.subject(subject)
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt)));
    }

    private static void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        provider.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
