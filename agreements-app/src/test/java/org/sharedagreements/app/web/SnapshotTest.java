package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A long agreement gets a snapshot (every 100 events) that Jackson can read back: it carries the aggregate's
 * decision state, no free text, and later commands still see every earlier decision.
 */
class SnapshotTest extends ApiTest {

    @Test
    void aLongAgreementIsSnapshottedWithoutContentAndStillDecidesCorrectly() {
        Couple couple = Couple.formed(api, "sn-ada", "sn-bo");
        String boundary = couple.activeBoundary("EMOTIONAL_CLOSENESS");
        String note = "secret-note-that-must-not-be-in-a-snapshot";
        for (int i = 0; i < 105; i++) {
            Api.Response raised = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS", "note", note));
            assertThat(raised.status()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot(couple.agreementId) != null);
        String snapshot = snapshot(couple.agreementId);
        assertThat(snapshot).as("sealed: not even the partners' ids").doesNotContain("sn-bo").doesNotContain("sn-ada")
                .doesNotContain(boundary).doesNotContain(note).doesNotContain("Our agreement").contains("\"sealed\":\"s1:");

        // the snapshot still knows the boundary is active and was accepted by both
        Api.Response again = couple.second.post(couple.path("/boundaries/" + boundary + "/acceptances"),
                Map.of("boundaryVersion", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(couple.second.post(couple.path("/boundaries/" + boundary + "/consent-withdrawals")).status())
                .isEqualTo(200);
    }

    private String snapshot(String agreementId) {
        return jdbc.query("SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                rs -> rs.next() ? new String(rs.getBytes(1), StandardCharsets.UTF_8) : null, agreementId);
    }
}
