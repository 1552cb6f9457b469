package org.sharedagreements.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointSigner;
import org.sharedagreements.sealing.CheckpointVerifier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Someone with full rights on the database (the owner of the tables) switches every trigger off, rewrites,
 * removes or adds events and recomputes every hash with the published formula, so the chain is consistent
 * again: the signed checkpoints, which nobody can sign without the key from configuration, still show it.
 * Verification names the first sequence after the last checkpoint that is signed and still matches.
 */
class CheckpointTamperTest extends ApiTest {

    @Test
    void everyAppendIsCheckpointedAndAnUntouchedAgreementVerifiesWithItsCheckpoints() {
        Couple couple = sixEvents();
        CheckpointVerifier publishedKey = CheckpointVerifier.fromX509Base64(
                couple.first.get("/api/integrity/checkpoint-key").field("publicKey"));

        JsonNode verdict = verification(couple);

        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
        // drafted, invited, joined, proposed; the acceptance appends two events, checkpointed at the second
        assertThat(checkpointSequences(couple)).containsExactly(0L, 1L, 2L, 3L, 5L);
        assertThat(verdict.path("checkpointCount").asLong()).isEqualTo(5);
        JsonNode anchor = verdict.path("lastValidCheckpoint");
        assertThat(anchor.path("sequence").asLong()).isEqualTo(5);
        assertThat(anchor.path("headHash").asText()).isEqualTo(verdict.path("headHash").asText());
        assertThat(anchor.path("signedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM chain_checkpoint WHERE agreement_id = ?",
                UUID.fromString(couple.agreementId))) {
            Checkpoint checkpoint = new Checkpoint(UUID.fromString(couple.agreementId),
                    (Long) row.get("sequence_number"), row.get("head_hash").toString(),
                    jdbc.queryForObject("SELECT ?::timestamptz", OffsetDateTime.class, row.get("signed_at")).toInstant(),
                    (String) row.get("key_id"), (String) row.get("signature"));
            assertThat(publishedKey.verifies(checkpoint)).as(row.toString()).isTrue();
            assertThat(checkpoint.headHash()).isEqualTo(storedHash(couple, checkpoint.sequence()));
        }
    }

    @Test
    void anErasedAgreementStillVerifiesWithItsCheckpoints() {
        Couple couple = sixEvents();
        Api.Response erased = couple.second.post(couple.path("/erasure"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        JsonNode verdict = couple.first.get(couple.path("/verification?minVersion=" + erased.version())).body();

        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.path("lastValidCheckpoint").path("sequence").asLong()).isEqualTo(erased.version());
        assertThat(verdict.path("checkpointCount").asLong()).isEqualTo(6);
    }

    @Test
    void aPayloadRewrittenWithEveryHashRecomputedIsFoundAtItsSequence() {
        Couple couple = sixEvents();
        String before = storedHash(couple, 5);
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run(changePayloadByte(couple, 3), FullDatabaseRights.recomputeEveryHash(couple.agreementId));

            assertThat(storedHash(couple, 5)).as("every hash recomputed").isNotEqualTo(before);
            assertThat(formulaAlone(couple)).as("the formula alone is satisfied").isNull();
            assertInvalidAt(couple, 3, "rewritten");
        }
        assertThat(verification(couple).path("valid").asBoolean()).as("restored").isTrue();
    }

    @Test
    void aRewriteOfAnEventNoCheckpointNamesIsFoundFromTheSequenceAfterTheLastMatchingCheckpoint() {
        // event 4 has no checkpoint of its own (the acceptance's checkpoint is at 5): from 3, the last that still
        // matches, the chain is vouched for only up to 3
        Couple couple = sixEvents();
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run(changePayloadByte(couple, 4), FullDatabaseRights.recomputeEveryHash(couple.agreementId));
            assertInvalidAt(couple, 4, "rewritten");
        }
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run(changePayloadByte(couple, 5), FullDatabaseRights.recomputeEveryHash(couple.agreementId));
            assertInvalidAt(couple, 4, "rewritten");
        }
    }

    @Test
    void theLastEventsDeletedAreFoundAsATruncation() {
        Couple couple = sixEvents();
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run("DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + couple.agreementId
                    + "' AND sequence_number >= 4", FullDatabaseRights.recomputeEveryHash(couple.agreementId));

            assertThat(storedEvents(couple.agreementId)).isEqualTo(4);
            assertThat(formulaAlone(couple)).isNull();
            JsonNode verdict = assertInvalidAt(couple, 4, "removed");
            assertThat(verdict.path("eventCount").asLong()).isEqualTo(4);
            assertThat(verdict.path("lastValidCheckpoint").path("sequence").asLong()).isEqualTo(3);
        }
        assertThat(verification(couple).path("valid").asBoolean()).as("restored").isTrue();
    }

    @Test
    void aForgedEventAppendedWithACorrectHashIsFoundAsAnExtension() {
        Couple couple = sixEvents();
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run("INSERT INTO domain_event_entry (event_identifier, payload, payload_revision, payload_type, "
                    + "time_stamp, aggregate_identifier, sequence_number, type) VALUES ('" + UUID.randomUUID()
                    + "', convert_to('{}', 'UTF8'), '1', 'org.sharedagreements.forged.Forged', '"
                    + Instant.now() + "', '" + couple.agreementId + "', 6, 'Agreement')",
                    FullDatabaseRights.recomputeEveryHash(couple.agreementId));

            assertThat(storedEvents(couple.agreementId)).isEqualTo(7);
            assertThat(formulaAlone(couple)).isNull();
            assertInvalidAt(couple, 6, "not covered by a signed checkpoint");
        }
        assertThat(verification(couple).path("valid").asBoolean()).as("restored").isTrue();
    }

    /**
     * Whoever rewrites events and deletes the checkpoints that would betray them gets no help from the service: the
     * next command's append does not follow a checkpoint, so it is stored unsigned and the rewrite stays visible.
     */
    @Test
    void aRewriteWhoseCheckpointsWereDeletedTooIsNotVouchedForByTheNextCommand() {
        Couple couple = sixEvents();
        String id = couple.agreementId;
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, id)) {
            rights.run("UPDATE domain_event_entry SET time_stamp = '" + Instant.now().minusSeconds(5)
                            + "' WHERE aggregate_identifier = '" + id + "' AND sequence_number = 5",
                    "DELETE FROM chain_checkpoint WHERE agreement_id = '" + id + "' AND sequence_number >= 4",
                    FullDatabaseRights.recomputeEveryHash(id));
            assertThat(formulaAlone(couple)).isNull();
            assertInvalidAt(couple, 4, "not covered by a signed checkpoint");

            Api.Response raised = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
            assertThat(raised.status()).as(raised.toString()).isEqualTo(201);

            assertThat(storedEvents(id)).isEqualTo(7);
            assertThat(checkpointSequences(couple)).as("the append after the rewrite is not signed")
                    .containsExactly(0L, 1L, 2L, 3L);
            assertInvalidAt(couple, 4, "not covered by a signed checkpoint");
        }
    }

    @Test
    void aCheckpointForgedWithAnotherKeyOrChangedAfterSigningIsFound() {
        Couple couple = sixEvents();
        CheckpointSigner forger = CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64());
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run(changePayloadByte(couple, 5), FullDatabaseRights.recomputeEveryHash(couple.agreementId));
            Checkpoint forged = forger.sign(UUID.fromString(couple.agreementId), 5, storedHash(couple, 5),
                    Instant.now());
            rights.run("DELETE FROM chain_checkpoint WHERE agreement_id = '" + couple.agreementId
                    + "' AND sequence_number = 5", "INSERT INTO chain_checkpoint VALUES ('" + couple.agreementId
                    + "', 5, '" + forged.headHash() + "', '" + forged.signedAt() + "', '" + forged.keyId() + "', '"
                    + forged.signature() + "')");

            assertInvalidAt(couple, 4, "not signed by the published checkpoint key");
        }
        try (FullDatabaseRights rights = FullDatabaseRights.over(jdbc, couple.agreementId)) {
            rights.run("UPDATE chain_checkpoint SET signed_at = signed_at + interval '1 second' "
                    + "WHERE agreement_id = '" + couple.agreementId + "' AND sequence_number = 2");

            assertInvalidAt(couple, 2, "not signed by the published checkpoint key");
        }
        assertThat(verification(couple).path("valid").asBoolean()).as("restored").isTrue();
    }

    @Test
    void checkpointsCannotBeChangedOrDeletedWhileTheTriggersAreOn() {
        Couple couple = sixEvents();
        assertThatThrownBy(() -> jdbc.update("UPDATE chain_checkpoint SET key_id = 'x' WHERE agreement_id = ?",
                UUID.fromString(couple.agreementId))).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM chain_checkpoint WHERE agreement_id = ?",
                UUID.fromString(couple.agreementId))).hasMessageContaining("immutable");
        assertThat(verification(couple).path("valid").asBoolean()).isTrue();
    }

    @Test
    void anAppendWhoseCheckpointCannotBeStoredIsNotStoredEither() {
        Couple couple = Couple.formed(api, unique("cp-cal"), unique("cp-dee"));
        // the next checkpoint of this agreement fails to insert, in the append's transaction
        String refuse = "refuse_checkpoint_" + couple.agreementId.replace("-", "");
        jdbc.execute("CREATE FUNCTION " + refuse + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.agreement_id = '" + couple.agreementId + "' THEN RAISE EXCEPTION 'no checkpoint here'; "
                + "END IF; RETURN NEW; END $$");
        jdbc.execute("CREATE TRIGGER " + refuse + " BEFORE INSERT ON chain_checkpoint FOR EACH ROW EXECUTE FUNCTION "
                + refuse + "()");
        try {
            Api.Response refused = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));

            assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(500);
            assertThat(storedEvents(couple.agreementId)).as("the event rolled back with its checkpoint").isEqualTo(3);
        } finally {
            jdbc.execute("DROP TRIGGER " + refuse + " ON chain_checkpoint");
            jdbc.execute("DROP FUNCTION " + refuse + "()");
        }
        Api.Response raised = couple.first.post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        assertThat(raised.version()).isEqualTo(3);
        assertThat(verification(couple).path("valid").asBoolean()).isTrue();
    }

    @Test
    void theCheckpointKeyIsServedToEveryAuthenticatedRoleAndToNobodyElse() {
        for (Api.Caller caller : List.of(api.as(unique("pat")), api.as(unique("dr")), api.as(unique("aud"), "auditor"),
                api.as(unique("op"), "operator"))) {
            Api.Response key = caller.get("/api/integrity/checkpoint-key");
            assertThat(key.status()).as(key.toString()).isEqualTo(200);
            JsonNode body = key.body();
            assertThat(body.path("algorithm").asText()).isEqualTo("Ed25519");
            CheckpointVerifier verifier = CheckpointVerifier.fromX509Base64(body.path("publicKey").asText());
            assertThat(body.path("keyId").asText()).isEqualTo(verifier.keyId());
            assertThat(body.path("jwk")).isEqualTo(Api.json(verifier.publicKeyJwk()));
        }
        Api.Response counsellor = api.as(unique("dr-kay"), "counsellor").get("/api/integrity/checkpoint-key");
        assertThat(counsellor.status()).as(counsellor.toString()).isEqualTo(200);
        Api.Response anonymous = api.anonymous().get("/api/integrity/checkpoint-key");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
    }

    private Couple sixEvents() {
        Couple couple = Couple.formed(api, unique("cp-ann"), unique("cp-ben"));
        couple.activeBoundary("DISCLOSURE");
        assertThat(storedEvents(couple.agreementId)).isEqualTo(6);
        return couple;
    }

    private JsonNode assertInvalidAt(Couple couple, long sequence, String reason) {
        JsonNode verdict = verification(couple);
        assertThat(verdict.path("valid").asBoolean()).as(verdict.toString()).isFalse();
        assertThat(verdict.path("firstInvalidSequence").asLong()).as(verdict.toString()).isEqualTo(sequence);
        assertThat(verdict.path("reason").asText()).contains(reason);
        JsonNode audited = api.as(unique("aud"), "auditor")
                .get("/api/audit/agreements/" + couple.agreementId + "/verification").body();
        assertThat(audited.path("valid").asBoolean()).isFalse();
        assertThat(audited.path("firstInvalidSequence").asLong()).isEqualTo(sequence);
        return verdict;
    }

    /** The published formula alone over the partners' export: null when it is satisfied. */
    private static String formulaAlone(Couple couple) {
        return OfflineVerifier.problem(couple.first.get(couple.path("/export")).body(), true);
    }

    private static JsonNode verification(Couple couple) {
        Api.Response answer = couple.first.get(couple.path("/verification"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static String changePayloadByte(Couple couple, long sequence) {
        return "UPDATE domain_event_entry SET payload = overlay(payload PLACING '\\x20'::bytea FROM 3 FOR 1) "
                + "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = " + sequence;
    }

    private List<Long> checkpointSequences(Couple couple) {
        return jdbc.queryForList("SELECT sequence_number FROM chain_checkpoint WHERE agreement_id = ? "
                + "ORDER BY sequence_number", Long.class, UUID.fromString(couple.agreementId));
    }

    private String storedHash(Couple couple, long sequence) {
        return jdbc.queryForObject("SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", String.class, couple.agreementId, sequence);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
