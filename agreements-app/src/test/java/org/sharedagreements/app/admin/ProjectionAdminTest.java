package org.sharedagreements.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.query.projection.Projections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The operator endpoints: projection status for operators only, replay 202 or 404, and no agreement content. */
class ProjectionAdminTest extends ApiTest {

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void operatorsSeeEveryProjectionAgainstTheHeadOfTheEventStore() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        Api.Caller operator = api.as(unique("ops"), "operator");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Api.Response response = operator.get("/api/admin/projections");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            List<String> names = new ArrayList<>();
            for (JsonNode status : response.body()) {
                names.add(status.path("name").asText());
                assertThat(status.path("head").asLong()).isEqualTo(head);
                assertThat(status.path("position").asLong()).isEqualTo(head);
                assertThat(status.path("progressPercent").asDouble()).isEqualTo(100.0);
                assertThat(status.path("replaying").asBoolean()).isFalse();
                assertThat(status.path("deadLetters").isIntegralNumber()).isTrue();
                assertThat(status.fieldNames()).toIterable().containsExactly("name", "position", "head",
                        "progressPercent", "replaying", "deadLetters");
            }
            assertThat(names).containsExactlyElementsOf(Projections.ALL);
        });
        assertThat(operator.get("/api/admin/projections").text()).doesNotContain(couple.agreementId);
    }

    @Test
    void everyoneElseIsForbiddenAndAnonymousCallersUnauthorised() {
        assertProblem(api.as(unique("ada")).get("/api/admin/projections"), 403);
        assertProblem(api.as(unique("carol"), "counsellor").get("/api/admin/projections"), 403);
        assertProblem(api.as(unique("aud"), "auditor").get("/api/admin/projections"), 403);
        assertProblem(api.as(unique("ada")).post("/api/admin/projections/" + Projections.TIMELINE + "/replay"), 403);
        assertProblem(api.anonymous().get("/api/admin/projections"), 401);
        assertProblem(api.anonymous().post("/api/admin/projections/" + Projections.TIMELINE + "/replay"), 401);
    }

    @Test
    void anUnknownProjectionIsNotFound() {
        assertProblem(api.as(unique("ops"), "operator").post("/api/admin/projections/no-such-projection/replay"), 404);
    }

    @Test
    void operatorsSeeNoAgreement() {
        Couple couple = Couple.formed(api, unique("ada"), unique("ben"));
        Api.Caller operator = api.as(unique("ops"), "operator");

        assertProblem(operator.get(couple.path("?minVersion=2")), 404);
        assertProblem(operator.get(couple.path("/timeline")), 404);
        assertThat(operator.get("/api/agreements").body()).isEmpty();
    }
}
