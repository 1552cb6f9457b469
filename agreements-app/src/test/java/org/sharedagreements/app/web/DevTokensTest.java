package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.web.CommandRefusalsTest.assertProblem;

/** The local profile's token endpoint issues tokens the service accepts, and refuses bad requests for them. */
class DevTokensTest extends ApiTest {

    @Test
    void aDevTokenIsAcceptedByTheApi() {
        Api.Response issued = api.anonymous().post("/dev/tokens", Map.of("sub", "dev-alice", "roles", List.of()));
        assertThat(issued.status()).isEqualTo(200);

        Api.Response drafted = api.withToken(issued.field("token")).post("/api/agreements", Map.of("title", "Ours"));
        assertThat(drafted.status()).isEqualTo(201);
    }

    @Test
    void aDevTokenNeedsASubjectAndKnownRoles() {
        assertProblem(api.anonymous().post("/dev/tokens", Map.of("roles", List.of("king"))), 400);
        assertThat(CommandRefusalsTest.fields(api.anonymous().post("/dev/tokens", Map.of("roles", List.of("king")))))
                .containsExactlyInAnyOrder("sub", "roles");
    }
}
