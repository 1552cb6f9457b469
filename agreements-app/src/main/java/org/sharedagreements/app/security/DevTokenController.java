package org.sharedagreements.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.swagger.v3.oas.annotations.Operation;
import org.sharedagreements.kernel.access.Role;
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
import org.sharedagreements.command.web.JsonFields;

import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private static final Set<String> ROLES = Role.claims();

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
    public Map<String, String> issue(@RequestBody JsonNode body) {
        JsonFields fields = new JsonFields(body);
        String subject = fields.requiredText("sub", 1, 128);
        List<String> roles = new ArrayList<>();
        JsonNode rolesNode = fields.node("roles");
        if (rolesNode != null && !rolesNode.isNull()) {
            if (!rolesNode.isArray()) {
                fields.reject("roles", "must be an array of strings");
            } else {
                for (JsonNode role : rolesNode) {
                    if (!role.isTextual() || !ROLES.contains(role.asText())) {
                        fields.reject("roles", "each role is one of counsellor, auditor, operator");
                    } else {
                        roles.add(role.asText());
                    }
                }
            }
        }
        fields.throwIfInvalid();
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

}
