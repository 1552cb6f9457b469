package org.sharedagreements.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.app.support.StoredState;
import org.sharedagreements.query.projection.Projections;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead letters fail closed and are worked off: while a projection has parked an agreement's events (here: its
 * stored state lost a boundary, so the next event about that boundary cannot be applied, and the counsellor's
 * revocation after it waits behind it), nobody but the partners sees the agreement; the operator lists what is
 * parked (no content), sees it in the projection status and in Prometheus, and retries it once the cause is
 * gone, after which the parked events are applied in order and the queue is empty.
 */
class DeadLetterTest extends ApiTest {

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aParkedRevocationFailsClosedUntilAnOperatorRetriesIt() {
        String counsellor = unique("dr-dl");
        Couple couple = Couple.formed(api, unique("dl-ada"), unique("dl-ben"));
        // the agreement's stored state before it has a boundary, put back below as a bad migration would
        StoredState withoutBoundary = StoredState.of(jdbc, couple.agreementId, "ACTIVE");
        String boundary = couple.activeBoundary("DIGITAL_PRIVACY");
        assertThat(couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor)).status())
                .isEqualTo(201);
        long granted = couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).version();
        Api.Caller carol = api.as(counsellor, "counsellor");
        assertThat(carol.get(couple.path("?minVersion=" + granted)).status()).isEqualTo(200);
        Api.Caller auditor = api.as(unique("aud"), "auditor");
        Api.Caller operator = api.as(unique("ops"), "operator");
        assertThat(auditor.get("/api/audit/agreements/" + couple.agreementId + "/timeline").status()).isEqualTo(200);

        // the stored state loses the boundary (a bug, a bad migration): the next event about it cannot be applied
        StoredState current = StoredState.of(jdbc, couple.agreementId, null);
        withoutBoundary.restore(jdbc);
        long withdrawn = couple.first.post(couple.path("/boundaries/" + boundary + "/consent-withdrawals"),
                Map.of("reason", "Needs a rethink")).version();
        long revoked = couple.second.delete(couple.path("/counsellors/" + counsellor)).version();

        await().atMost(Duration.ofSeconds(10)).until(() -> parked(operator, couple.agreementId).size() == 2);
        List<JsonNode> parked = parked(operator, couple.agreementId);
        assertThat(parked).extracting(p -> p.path("eventType").asText())
                .containsExactly("ConsentWithdrawn", "CounsellorAccessRevoked");
        assertThat(parked).extracting(p -> p.path("sequence").asLong()).containsExactly(withdrawn, revoked);
        assertThat(parked).allSatisfy(p -> {
            assertThat(p.path("projection").asText()).isEqualTo(Projections.AGREEMENT_STATE);
            assertThat(p.path("cause").asText()).isNotBlank().doesNotContain(".");
        });
        String listing = operator.get("/api/admin/dead-letters").text();
        assertThat(listing).doesNotContain("Needs a rethink", "Our agreement", counsellor);
        assertThat(jdbc.queryForList("SELECT cause_message FROM dead_letter_entry WHERE sequence_identifier = ?",
                String.class, couple.agreementId)).as("the stored cause: where it failed, never a message")
                                // the first failed; the second was parked behind it, without a cause of its own
                .hasSize(2).anyMatch(m -> m != null && m.startsWith("thrown at "))
                .allMatch(m -> m == null || m.startsWith("thrown at ") && !m.contains(counsellor));

        // fails closed: the revocation is parked, so the counsellor must not see the agreement meanwhile
        assertThat(carol.get(couple.path("")).status()).isEqualTo(404);
        assertThat(carol.get(couple.path("/timeline")).status()).isEqualTo(404);
        assertThat(carol.get("/api/counsellor/caseload").text()).doesNotContain(couple.agreementId);
        assertThat(auditor.get("/api/audit/agreements/" + couple.agreementId + "/timeline").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/agreements?limit=10000").text()).doesNotContain(couple.agreementId);
        assertThat(couple.first.get(couple.path("")).status()).as("the partners still see it").isEqualTo(200);
        assertThat(statusOf(operator, Projections.AGREEMENT_STATE).path("deadLetters").asLong()).isPositive();
        assertThat(operator.get("/actuator/prometheus").text())
                .containsPattern("agreements_projection_dead_letters\\{[^}]*projection=\"agreement-state\"[^}]*} [1-9]");
        assertThat(couple.first.get("/api/admin/dead-letters").status()).isEqualTo(403);
        assertThat(carol.post("/api/admin/dead-letters/retry").status()).isEqualTo(403);

        // while the cause is still there a retry applies nothing and keeps everything parked
        Api.Response failed = operator.post("/api/admin/dead-letters/" + Projections.AGREEMENT_STATE + "/"
                + couple.agreementId + "/retry");
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.body().path("applied").asInt()).isZero();
        assertThat(parked(operator, couple.agreementId)).hasSize(2);

        // the cause is repaired: the retry applies the parked events in order and the queue empties
        current.restore(jdbc);
        Api.Response retried = operator.post("/api/admin/dead-letters/" + Projections.AGREEMENT_STATE + "/"
                + couple.agreementId + "/retry");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().path("applied").asInt()).isEqualTo(1);
        assertThat(parked(operator, couple.agreementId)).isEmpty();
        JsonNode state = couple.first.get(couple.path("?minVersion=" + revoked)).body();
        assertThat(state.path("boundaries").get(0).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(state.path("counsellors").get(0).path("status").asText()).isEqualTo("REVOKED");
        assertThat(carol.get(couple.path("")).status()).as("revoked, now applied").isEqualTo(404);
        assertThat(auditor.get("/api/audit/agreements/" + couple.agreementId + "/timeline").status()).isEqualTo(200);
        assertThat(operator.post("/api/admin/dead-letters/" + Projections.AGREEMENT_STATE + "/" + couple.agreementId
                + "/retry").status()).as("nothing parked any more").isEqualTo(404);
        Api.Response all = operator.post("/api/admin/dead-letters/retry");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().has("stillParked")).isTrue();
    }

    private static List<JsonNode> parked(Api.Caller operator, String agreementId) {
        Api.Response response = operator.get("/api/admin/dead-letters");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        response.body().forEach(letter -> {
            if (letter.path("agreementId").asText().equals(agreementId)) {
                mine.add(letter);
            }
        });
        return mine;
    }

    private static JsonNode statusOf(Api.Caller operator, String projection) {
        for (JsonNode status : operator.get("/api/admin/projections").body()) {
            if (status.path("name").asText().equals(projection)) {
                return status;
            }
        }
        throw new AssertionError("no status of " + projection);
    }
}
