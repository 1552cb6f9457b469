package org.sharedagreements.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Anyone can re-verify an export with the formula" (docs/contract.md, "Hash chain"): the exports of the partners and of the
 * auditors verify with nothing but SHA-256 and the published formula (see {@link OfflineVerifier}, which uses no
 * project class), and a changed byte makes them fail.
 */
class OfflineVerificationTest extends ApiTest {

    /** The version of the last event of the agreement {@link #busyAgreement()} made. */
    private long lastVersion;

    @Test
    void thePartnersExportVerifiesWithThePublishedFormulaAlone() {
        Couple couple = busyAgreement();

        JsonNode export = export(couple.first, couple.path("/export?minVersion=" + lastVersion));

        assertThat(export.path("events").size()).isEqualTo((int) storedEvents(couple.agreementId));
        assertThat(OfflineVerifier.problem(export, true)).isNull();
        assertThat(export.path("headHash").asText()).isEqualTo(couple.first
                .get(couple.path("/verification?minVersion=" + lastVersion)).body().path("headHash").asText());
    }

    @Test
    void theAuditorsRedactedExportVerifiesWithThePublishedFormulaAlone() {
        Couple couple = busyAgreement();
        Api.Caller auditor = api.as(unique("audrey"), "auditor");

        JsonNode redacted = export(auditor, "/api/audit/agreements/" + couple.agreementId + "/export");
        JsonNode full = export(couple.first, couple.path("/export?minVersion=" + lastVersion));

        assertThat(OfflineVerifier.problem(redacted, false)).isNull();
        assertThat(redacted.path("headHash")).isEqualTo(full.path("headHash"));
        assertThat(redacted.path("checkpoints")).isEqualTo(full.path("checkpoints"));
        assertThat(redacted.toString()).doesNotContain("\"data\"");
        for (int i = 0; i < full.path("events").size(); i++) {
            ObjectNode withoutPayload = ((ObjectNode) full.path("events").get(i).deepCopy());
            withoutPayload.remove("payload");
            withoutPayload.remove("data");
            assertThat(redacted.path("events").get(i)).isEqualTo(withoutPayload);
        }
    }

    @Test
    void aChangedPayloadByteOrLinkFailsTheOfflineCheck() {
        Couple couple = busyAgreement();
        JsonNode export = export(couple.first, couple.path("/export?minVersion=" + lastVersion));

        ObjectNode changedPayload = export.deepCopy();
        ObjectNode third = (ObjectNode) changedPayload.path("events").get(2);
        byte[] payload = Base64.getDecoder().decode(third.path("payload").asText());
        payload[payload.length - 2] ^= 0x01;
        third.put("payload", Base64.getEncoder().encodeToString(payload));
        assertThat(OfflineVerifier.problem(changedPayload, true)).startsWith("event 2:");

        ObjectNode changedTime = export.deepCopy();
        ((ObjectNode) changedTime.path("events").get(4)).put("at", "2020-01-01T00:00:00.000Z");
        assertThat(OfflineVerifier.problem(changedTime, true)).startsWith("event 4:");

        ObjectNode dropped = export.deepCopy();
        ((ArrayNode) dropped.path("events")).remove(1);
        assertThat(OfflineVerifier.problem(dropped, true)).startsWith("event 1:");
    }

    @Test
    void thePayloadsAreTheStoredCiphertextNotPlaintext() {
        String title = "Offline title " + UUID.randomUUID();
        String ola = unique("ola");
        Api.Caller first = api.as(ola);
        String id = first.post("/api/agreements", Map.of("title", title)).field("agreementId");

        JsonNode event = export(first, "/api/agreements/" + id + "/export?minVersion=0").path("events").get(0);
        String payload = new String(Base64.getDecoder().decode(event.path("payload").asText()), StandardCharsets.UTF_8);

        assertThat(event.path("type").asText()).isEqualTo("AgreementDrafted");
        assertThat(payload).contains("\"s1:").contains("\"p1:").doesNotContain(title).doesNotContain(ola);
        byte[] stored = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", byte[].class, id);
        assertThat(Base64.getDecoder().decode(event.path("payload").asText())).isEqualTo(stored);
    }

    /** An agreement with a boundary, a breach, a red flag and a counsellor: content in many events. */
    private Couple busyAgreement() {
        String second = unique("jay");
        Couple couple = Couple.formed(api, unique("ivy"), second);
        String boundary = couple.activeBoundary("DIGITAL_PRIVACY");
        Api.Response breach = couple.first.post(couple.path("/breaches"), Map.of("boundaryId", boundary,
                "breachedBy", second, "description", "Checked the other's phone",
                "occurredAt", Instant.now().minus(1, ChronoUnit.HOURS).toString()));
        assertThat(breach.status()).as(breach.toString()).isEqualTo(201);
        Api.Response flag = couple.second.post(couple.path("/red-flags"), Map.of("indicator", "STRESS",
                "note", "Long weeks"));
        assertThat(flag.status()).as(flag.toString()).isEqualTo(201);
        lastVersion = flag.version();
        return couple;
    }

    private static JsonNode export(Api.Caller caller, String path) {
        Api.Response response = caller.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
