package org.sharedagreements.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sharedagreements.command.web.PlainText;
import org.sharedagreements.kernel.TextRules;

import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Development tokens for the local profile only: {@code POST /dev/tokens {"sub":"alice","roles":[]}} answers a
 * HS256 token signed with the local secret generated under {@code ./data} (never with a configured
 * {@code agreements.security.jwt.hmac-secret}, which other services may accept too), valid for 12 hours. No other
 * profile has this endpoint.
 */
@RestController
@Profile("local")
public class DevTokenController {

    private static final Duration LIFETIME = Duration.ofHours(12);

    private final JwtEncoder encoder;
    private final List<String> audiences;

    public DevTokenController(LocalTokenSecret key, OAuth2ResourceServerProperties resourceServer) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
                new SecretKeySpec(key.secret().keyBytes(), "HmacSHA256")));
        // so development tokens pass the audience check when one is configured
        this.audiences = List.copyOf(resourceServer.getJwt().getAudiences());
    }

    @Operation(summary = "Issue a development token (local profile only)", security = {})
    @PostMapping(path = "/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, String> issue(@Valid @RequestBody TokenRequest body) {
        String subject = body.sub();
        List<String> roles = body.roles() == null ? List.of() : body.roles();
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(subject)
                .claim("roles", roles)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME));
        if (!audiences.isEmpty()) {
            claims.audience(audiences);
        }
        String token = encoder
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
        return Map.of("token", token);
    }

    /** {@code {"sub":"alice","roles":["counsellor"]}}: whom the token is for and the roles it carries. */
    public record TokenRequest(
            @NotNull(message = "is required") @PlainText(min = 1, max = TextRules.USER_ID_MAX) String sub,
            List<@RoleClaim String> roles) {
    }
}
