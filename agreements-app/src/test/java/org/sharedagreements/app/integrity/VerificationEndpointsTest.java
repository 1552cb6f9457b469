package org.sharedagreements.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/agreements/{a}/verification} and {@code /export} over HTTP: a fresh agreement verifies, the
 * export's head is the verified head, erasure changes no stored byte, and tampering through SQL is named by
 * sequence number.
 */
class VerificationEndpointsTest extends ApiTest {

    @Test
    void aFreshAgreementVerifiesAndItsExportEndsAtTheVerifiedHead() {
        Couple couple = Couple.formed(api, unique("vera"), unique("walt"));

        // drafted, invited, joined: versions 0 to 2
        Api.Response verification = couple.second.get(couple.path("/verification?minVersion=2"));
        Api.Response export = couple.first.get(couple.path("/export?minVersion=2"));

        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        JsonNode verdict = verification.body();
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.path("eventCount").asLong()).isEqualTo(storedEvents(couple.agreementId)).isEqualTo(3);
        assertThat(verdict.has("firstInvalidSequence")).isTrue();
        assertThat(verdict.path("firstInvalidSequence").isNull()).isTrue();
        assertThat(verdict.path("reason").isNull()).isTrue();
        assertThat(verdict.path("headHash").asText()).isEqualTo(storedHash(couple.agreementId, 2)).hasSize(64);

        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        JsonNode body = export.body();
        assertThat(body.path("agreementId").asText()).isEqualTo(couple.agreementId);
        assertThat(body.path("headHash").asText()).isEqualTo(verdict.path("headHash").asText());
        assertThat(body.path("events").size()).isEqualTo(3);
        JsonNode first = body.path("events").get(0);
        assertThat(first.path("sequence").asLong()).isZero();
        assertThat(first.path("type").asText()).isEqualTo("AgreementDrafted");
        assertThat(first.path("prevHash").asText()).isEqualTo("0".repeat(64));
        assertThat(first.path("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(body.path("events").get(1).path("prevHash").asText()).isEqualTo(first.path("hash").asText());
        assertThat(OfflineVerifier.problem(body, true)).isNull();
    }

    @Test
    void anErasedAgreementStillVerifiesAndItsExportIsByteForByteTheSame() {
        String xia = unique("xia");
        Couple couple = Couple.formed(api, xia, unique("yan"));
        couple.activeBoundary("FLIRTATION");
        JsonNode before = couple.first.get(couple.path("/export?minVersion=5")).body();

        Api.Response erased = couple.second.post(couple.path("/erasure"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        JsonNode verdict = couple.first.get(couple.path("/verification?minVersion=" + erased.version())).body();
        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("eventCount").asLong()).isEqualTo(storedEvents(couple.agreementId));
        JsonNode after = couple.first.get(couple.path("/export")).body();
        assertThat(after.path("headHash").asText()).isEqualTo(verdict.path("headHash").asText());
        assertThat(OfflineVerifier.problem(after, true)).isNull();
        assertThat(after.path("events").size()).isGreaterThan(before.path("events").size());
        // the stored bytes and hashes are the same; only the readable data, opened from them, is erased now
        for (int i = 0; i < before.path("events").size(); i++) {
            ObjectNode storedBefore = before.path("events").get(i).deepCopy();
            ObjectNode storedAfter = after.path("events").get(i).deepCopy();
            assertThat(storedBefore.remove("data")).isNotNull();
            assertThat(storedAfter.remove("data")).isNotNull();
            assertThat(storedAfter).isEqualTo(storedBefore);
        }
        JsonNode proposed = before.path("events").get(3);
        assertThat(proposed.path("type").asText()).isEqualTo("BoundaryProposed");
        assertThat(proposed.path("data").toString()).contains("We tell each other about new online friendships");
        assertThat(after.path("events").get(3).path("data").toString())
                .doesNotContain("We tell each other about new online friendships").contains("[erased]");
        assertThat(after.path("events").get(0).path("data").path("actor").asText()).as("people too")
                .isEqualTo("[erased]");
        assertThat(after.toString()).doesNotContain(xia).doesNotContain("[erased:");
    }

    @Test
    void aGrantedCounsellorVerifiesAndExportsToo() {
        Couple couple = Couple.formed(api, unique("zoe"), unique("abe"));
        String counsellor = unique("dr-cole");
        couple.first.post(couple.path("/counsellors"), Map.of("counsellorId", counsellor));
        long granted = couple.second.post(couple.path("/counsellors/" + counsellor + "/approvals")).version();
        Api.Caller cole = api.as(counsellor, "counsellor");

        Api.Response verification = cole.get(couple.path("/verification?minVersion=" + granted));
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        assertThat(verification.body().path("valid").asBoolean()).isTrue();
        Api.Response export = cole.get(couple.path("/export?minVersion=" + granted));
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(OfflineVerifier.problem(export.body(), true)).isNull();
    }

    @Test
    void tamperingThroughSqlIsNamedBySequenceOverHttp() {
        Couple couple = Couple.formed(api, unique("bea"), unique("cal"));
        couple.activeBoundary("DISCLOSURE");
        assertThat(couple.first.get(couple.path("/verification?minVersion=5")).body().path("valid").asBoolean())
                .isTrue();

        try (Tampering tampering = Tampering.of(jdbc, couple.agreementId)) {
            tampering.run("UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                    + "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = 4");
            assertNamedOverHttp(couple, 4);
        }
        assertThat(couple.first.get(couple.path("/verification")).body().path("valid").asBoolean()).isTrue();
    }

    private void assertNamedOverHttp(Couple couple, long sequence) {
        Api.Response verification = couple.first.get(couple.path("/verification"));
        assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
        JsonNode verdict = verification.body();
        assertThat(verdict.path("valid").asBoolean()).isFalse();
        assertThat(verdict.path("firstInvalidSequence").asLong()).isEqualTo(sequence);
        assertThat(verdict.path("reason").asText()).isNotBlank();
        assertThat(verdict.path("eventCount").asLong()).isEqualTo(6);

        JsonNode audited = api.as(unique("aud"), "auditor")
                .get("/api/audit/agreements/" + couple.agreementId + "/verification").body();
        assertThat(audited.path("valid").asBoolean()).isFalse();
        assertThat(audited.path("firstInvalidSequence").asLong()).isEqualTo(sequence);
        assertThat(OfflineVerifier.problem(couple.first.get(couple.path("/export")).body(), true))
                .startsWith("event " + sequence + ":");
    }

    @Test
    void invalidParametersAre400AndStrangersGet404() {
        Couple couple = Couple.formed(api, unique("dee"), unique("eli"));

        assertProblem(couple.first.get("/api/agreements/not-a-uuid/verification"), 400);
        assertProblem(couple.first.get(couple.path("/export?minVersion=-1")), 400);
        assertProblem(api.as(unique("stranger")).get(couple.path("/verification")), 404);
        assertProblem(api.as(unique("stranger")).get(couple.path("/export")), 404);
        assertProblem(couple.first.get("/api/agreements/" + UUID.randomUUID() + "/verification"), 404);
        assertProblem(api.anonymous().get(couple.path("/export")), 401);
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private String storedHash(String agreementId, long sequence) {
        return jdbc.queryForObject("SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", String.class, agreementId, sequence);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
