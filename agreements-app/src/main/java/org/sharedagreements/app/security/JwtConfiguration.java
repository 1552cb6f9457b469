package org.sharedagreements.app.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.JWTParser;
import org.sharedagreements.app.config.LocalSecretFile;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Builds the JWT decoder from configuration: HS256 with {@code agreements.security.jwt.hmac-secret} (in the local
 * profile also the generated secret under {@code ./data} that {@code /dev/tokens} signs with), RS256/ES256 from
 * an OIDC issuer or JWK set, or both, in which case the token's {@code alg} header picks the decoder. Every token
 * must carry {@code exp} and a {@code sub} of 1 to 128 characters, and, with
 * {@code spring.security.oauth2.resourceserver.jwt.audiences} set, an {@code aud} naming one of them. Built by
 * hand, so Spring Boot's own decoder (which would read the audiences itself) backs off: every Boot setting this
 * class honours is read here. Verified tokens are remembered until they expire ({@link VerifiedTokens}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({OAuth2ResourceServerProperties.class, SecuritySettings.class})
public class JwtConfiguration {

    /** Verified tokens kept in memory (a few hundred bytes each): the people active within a token's lifetime. */
    private static final long KEPT_TOKENS = 10_000;
    /** 48 random bytes: 64 characters of base64url, well above the 32 bytes an HS256 secret needs. */
    private static final int LOCAL_SECRET_BYTES = 48;

    /** The configured shared secret; none (a null bean) when tokens come from an OIDC issuer only. */
    @Bean
    public HmacSecret hmacSecret(SecuritySettings settings) {
        String configured = settings.jwt().hmacSecret();
        return StringUtils.hasText(configured) ? new HmacSecret(configured) : null;
    }

    @Bean
    @Profile("local")
    public LocalTokenSecret localTokenSecret(SecuritySettings settings) {
        Path file = Objects.requireNonNull(settings.localSecretFile(),
                "the local profile needs agreements.security.local-secret-file");
        return new LocalTokenSecret(new HmacSecret(LocalSecretFile.readOrCreate(file, LOCAL_SECRET_BYTES,
                Base64.getUrlEncoder().withoutPadding()::encodeToString, "local JWT secret")));
    }

    @Bean
    public JwtDecoder jwtDecoder(ObjectProvider<HmacSecret> configured, ObjectProvider<LocalTokenSecret> local,
                                 OAuth2ResourceServerProperties resourceServer) {
        LocalTokenSecret localSecret = local.getIfAvailable();
        List<HmacSecret> secrets = Stream.of(configured.getIfAvailable(),
                localSecret == null ? null : localSecret.secret()).filter(Objects::nonNull).toList();
        return new VerifiedTokens(decoder(secrets, resourceServer.getJwt()), Clock.systemUTC(), KEPT_TOKENS);
    }

    /**
     * The decoder for the given shared secrets (any of them may have signed an HS256 token) and Boot's
     * resource-server JWT settings (issuer-uri, jwk-set-uri, audiences).
     */
    static JwtDecoder decoder(List<HmacSecret> secrets, OAuth2ResourceServerProperties.Jwt settings) {
        List<String> audiences = settings.getAudiences().stream().filter(StringUtils::hasText).toList();
        JwtDecoder hmac = secrets.isEmpty() ? null : hmacDecoder(secrets, audiences);
        JwtDecoder oidc = null;
        String issuerUri = settings.getIssuerUri();
        if (StringUtils.hasText(issuerUri)) {
            // resolved on first use, so a start-up does not fail while the identity provider is briefly away
            oidc = new SupplierJwtDecoder(() -> withOurValidation(JwtDecoders.fromIssuerLocation(issuerUri),
                    issuerUri, audiences));
        } else if (StringUtils.hasText(settings.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
            oidc = withOurValidation(decoder, null, audiences);
        }
        if (hmac == null && oidc == null) {
            throw new IllegalStateException("no JWT setting: set agreements.security.jwt.hmac-secret or "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
        if (hmac == null) {
            return oidc;
        }
        if (oidc == null) {
            return hmac;
        }
        JwtDecoder asymmetric = oidc;
        return token -> algorithmOf(token).startsWith("HS") ? hmac.decode(token) : asymmetric.decode(token);
    }

    /** HS256 only; a token verifies if any of the secrets signed it (Nimbus tries each key in turn). */
    private static JwtDecoder hmacDecoder(List<HmacSecret> secrets, List<String> audiences) {
        List<JWK> keys = secrets.stream().<JWK>map(secret -> new OctetSequenceKey.Builder(secret.keyBytes()).build())
                .toList();
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secrets.get(0).keyBytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableJWKSet<>(new JWKSet(keys)))))
                .build();
        decoder.setJwtValidator(validator(null, audiences));
        return decoder;
    }

    private static JwtDecoder withOurValidation(JwtDecoder decoder, String issuer, List<String> audiences) {
        if (decoder instanceof NimbusJwtDecoder nimbus) {
            nimbus.setJwtValidator(validator(issuer, audiences));
        }
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, List<String> audiences) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(issuer == null ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer));
        validators.add(JwtConfiguration::requiredClaims);
        if (!audiences.isEmpty()) {
            // a token the same provider issued to another application names that application, not us
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    private static OAuth2TokenValidatorResult requiredClaims(Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token has no exp", null));
        }
        String subject = jwt.getSubject();
        if (subject == null || subject.isEmpty() || subject.length() > 128) {
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "the token needs a sub of 1 to 128 characters", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static String algorithmOf(String token) {
        try {
            return JWTParser.parse(token).getHeader().getAlgorithm().getName();
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("malformed token");
        }
    }
}
