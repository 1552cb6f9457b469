package org.sharedagreements.app.web;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.springframework.beans.factory.annotation.Value;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.web.CommandRefusalsTest.assertProblem;

/**
 * The local profile's token endpoint issues tokens the service accepts, signed with the secret it generated under
 * its data directory and never with the configured shared secret, and refuses bad requests for them.
 */
class DevTokensTest extends ApiTest {

    @Value("${agreements.security.local-secret-file}")
    private Path localSecretFile;

    @Test
    void aDevTokenIsAcceptedByTheApi() {
        Api.Response issued = api.anonymous().post("/dev/tokens", Map.of("sub", "dev-alice", "roles", List.of()));
        assertThat(issued.status()).isEqualTo(200);

        Api.Response drafted = api.withToken(issued.field("token")).post("/api/agreements", Map.of("title", "Ours"));
        assertThat(drafted.status()).isEqualTo(201);
    }

    @Test
    void aDevTokenIsSignedWithTheLocalSecretOnly() throws Exception {
        SignedJWT token = SignedJWT.parse(api.anonymous()
                .post("/dev/tokens", Map.of("sub", "dev-alice", "roles", List.of("operator"))).field("token"));

        byte[] localSecret = Files.readString(localSecretFile, StandardCharsets.UTF_8).trim()
                .getBytes(StandardCharsets.UTF_8);
        assertThat(token.verify(new MACVerifier(localSecret))).isTrue();
        assertThat(token.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))))
                .as("a token signed with the configured secret would be accepted by every service sharing it")
                .isFalse();
    }

    @Test
    void aDevTokenNeedsASubjectAndKnownRoles() {
        assertProblem(api.anonymous().post("/dev/tokens", Map.of("roles", List.of("king"))), 400);
        assertThat(CommandRefusalsTest.fields(api.anonymous().post("/dev/tokens", Map.of("roles", List.of("king")))))
                .containsExactlyInAnyOrder("sub", "roles");
    }
}
