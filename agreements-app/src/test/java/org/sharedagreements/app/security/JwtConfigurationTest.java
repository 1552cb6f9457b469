package org.sharedagreements.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens of an OIDC provider (RS256, keys from its JWK set) and HS256 tokens of the shared secret are accepted
 * side by side; the token's {@code alg} picks the verifier. The provider is a JWK set served on loopback.
 */
class JwtConfigurationTest {

    private static final String SECRET = "shared-secret-that-is-at-least-32-bytes";
    private static RSAKey providerKey;
    private static HttpServer jwks;

    @BeforeAll
    static void startProvider() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        byte[] body = new JWKSet(providerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
    }

    @AfterAll
    static void stopProvider() {
        jwks.stop(0);
    }

    @Test
    void providerAndSharedSecretTokensAreBothAccepted() throws Exception {
        JwtDecoder decoder = decoder(SECRET);
        Instant inAnHour = Instant.now().plus(1, ChronoUnit.HOURS);

        assertThat(decoder.decode(rs256(providerKey, "oidc-user", inAnHour)).getSubject()).isEqualTo("oidc-user");
        assertThat(decoder.decode(Api.token("hmac-user", List.of("counsellor"), inAnHour, SECRET)).getSubject())
                .isEqualTo("hmac-user");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("provider-key").generate();
        JwtDecoder decoder = decoder(SECRET);
        assertThatThrownBy(() -> decoder.decode(rs256(stranger, "mallory", Instant.now().plus(1, ChronoUnit.HOURS))))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void providerTokensNeedExpiryAndSubjectToo() throws Exception {
        JwtDecoder decoder = decoder(null);
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

    private static JwtDecoder decoder(String secret) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(
                secret == null ? Map.of() : Map.of("hmacSecret", new HmacSecret(secret)));
        return new JwtConfiguration().jwtDecoder(beans.getBeanProvider(HmacSecret.class), "",
                "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
    }

    private static String rs256(RSAKey key, String subject, Instant expiresAt) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("roles", List.of());
        if (subject != null) {
            claims.subject(subject);
        }
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
