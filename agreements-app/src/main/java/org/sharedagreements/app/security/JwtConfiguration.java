package org.sharedagreements.app.security;

import com.nimbusds.jwt.JWTParser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * Builds the JWT decoder from configuration: HS256 with {@code agreements.security.jwt.hmac-secret} (in the local
 * profile, a generated secret kept under {@code ./data}), RS256/ES256 from an OIDC issuer or JWK set, or both, in
 * which case the token's {@code alg} header picks the decoder. Every token must carry {@code exp} and a
 * {@code sub} of 1 to 128 characters.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

    @Bean
    public HmacSecret hmacSecret(@Value("${agreements.security.jwt.hmac-secret:}") String configured,
                                           @Value("${agreements.security.local-secret-file:}") String localFile,
                                           Environment environment) {
        if (StringUtils.hasText(configured)) {
            return new HmacSecret(configured);
        }
        if (environment.acceptsProfiles(Profiles.of("local")) && StringUtils.hasText(localFile)) {
            return LocalSecretFile.readOrCreate(Path.of(localFile));
        }
        return null; // no shared secret: tokens come from an OIDC issuer only
    }

    @Bean
    public JwtDecoder jwtDecoder(ObjectProvider<HmacSecret> hmacSecret,
                                 @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri,
                                 @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        HmacSecret secret = hmacSecret.getIfAvailable();
        JwtDecoder hmac = secret == null ? null : hmacDecoder(secret);
        JwtDecoder oidc = null;
        if (StringUtils.hasText(issuerUri)) {
            // resolved on first use, so a start-up does not fail while the identity provider is briefly away
            oidc = new SupplierJwtDecoder(() -> withOurValidation(JwtDecoders.fromIssuerLocation(issuerUri), issuerUri));
        } else if (StringUtils.hasText(jwkSetUri)) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                    .jwsAlgorithm(SignatureAlgorithm.RS256).jwsAlgorithm(SignatureAlgorithm.ES256).build();
            oidc = withOurValidation(decoder, null);
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

    private static JwtDecoder hmacDecoder(HmacSecret secret) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.keyBytes(), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(validator(null));
        return decoder;
    }

    private static JwtDecoder withOurValidation(JwtDecoder decoder, String issuer) {
        if (decoder instanceof NimbusJwtDecoder nimbus) {
            nimbus.setJwtValidator(validator(issuer));
        }
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer) {
        OAuth2TokenValidator<Jwt> defaults = issuer == null
                ? JwtValidators.createDefault() : JwtValidators.createDefaultWithIssuer(issuer);
        return new DelegatingOAuth2TokenValidator<>(defaults, JwtConfiguration::requiredClaims);
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
