package org.sharedagreements.app.web;

import org.junit.jupiter.api.Test;
import org.sharedagreements.sealing.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.app.web.CommandRefusalsTest.assertProblem;

/**
 * A command's Idempotency-Key row and its events commit together or not at all: the row of a command that was
 * carried out holds exactly the answer its client got; a refused command leaves no success row (only its refusal,
 * recorded after the fact); a command whose commit fails leaves no row, so its retry runs it.
 */
class IdempotentCommandTransactionTest extends ApiTest {

    @Autowired
    private BlindIndex blindIndex;

    @Test
    void aCarriedOutCommandsRowHoldsItsAnswerAndTheKeyStaysOutOfTheEvents() {
        Couple couple = Couple.formed(api, "idtx-ada", "idtx-ben");
        Api.Response raised = api.as("idtx-ada").header("Idempotency-Key", "idtx-raise")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);

        Map<String, Object> row = row("idtx-ada", "idtx-raise");
        assertThat(row.get("status")).isEqualTo(201);
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.ISO_8859_1))
                .as("the answer is sealed").doesNotContain(couple.agreementId).isNotEqualTo(raised.text());
        assertThat(row.get("etag")).isEqualTo(raised.header("ETag"));
        assertThat(row.get("location")).isEqualTo(raised.header("Location"));
        Api.Response repeat = api.as("idtx-ada").header("Idempotency-Key", "idtx-raise")
                .post(couple.path("/red-flags"), Map.of("indicator", "STRESS"));
        assertThat(repeat.header("Idempotent-Replayed")).as("answered from the row").isEqualTo("true");
        assertThat(repeat.text()).as("the row holds the answer").isEqualTo(raised.text());
        List<String> metaData = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, couple.agreementId);
        assertThat(metaData).as("the key travels with the command, not with its events")
                .noneSatisfy(m -> assertThat(m).containsAnyOf("idtx-raise", "idempotency"));
    }

    @Test
    void aRefusedCommandLeavesNoSuccessRow() {
        Couple couple = Couple.formed(api, "idtx-cy", "idtx-dee");
        String boundary = couple.activeBoundary("OTHER");
        long before = storedEvents(couple.agreementId);

        Api.Response refused = api.as("idtx-dee").header("Idempotency-Key", "idtx-accept")
                .post(couple.path("/boundaries/" + boundary + "/acceptances"), Map.of("boundaryVersion", 1));
        assertProblem(refused, 409);

        Map<String, Object> row = row("idtx-dee", "idtx-accept");
        assertThat(row.get("status")).as("the refusal, recorded after its transaction rolled back").isEqualTo(409);
        assertThat(new String((byte[]) row.get("body"), StandardCharsets.ISO_8859_1))
                .as("the refusal is sealed").isNotEqualTo(refused.text());
        Api.Response repeat = api.as("idtx-dee").header("Idempotency-Key", "idtx-accept")
                .post(couple.path("/boundaries/" + boundary + "/acceptances"), Map.of("boundaryVersion", 1));
        assertThat(repeat.header("Idempotent-Replayed")).as("answered from the row").isEqualTo("true");
        assertThat(repeat.text()).as("the row holds the refusal").isEqualTo(refused.text());
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);
    }

    @Test
    void aCommandWhoseCommitFailsLeavesNoRowAndItsRetryRuns() {
        Couple couple = Couple.formed(api, "idtx-eli", "idtx-fay");
        long before = storedEvents(couple.agreementId);
        // PostgreSQL itself refuses the transaction at COMMIT, after the handler answered and the row was written
        jdbc.execute("CREATE FUNCTION idtx_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$");
        jdbc.execute("CREATE CONSTRAINT TRIGGER idtx_refuse_commit AFTER INSERT ON domain_event_entry "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.aggregate_identifier = '"
                + couple.agreementId + "') EXECUTE FUNCTION idtx_refuse_commit()");
        Api.Response failed;
        try {
            failed = api.as("idtx-eli").header("Idempotency-Key", "idtx-fails")
                    .post(couple.path("/red-flags"), Map.of("indicator", "LONELINESS"));
        } finally {
            jdbc.execute("DROP TRIGGER idtx_refuse_commit ON domain_event_entry");
            jdbc.execute("DROP FUNCTION idtx_refuse_commit()");
        }
        assertThat(failed.status()).as(failed.toString()).isGreaterThanOrEqualTo(500);
        assertThat(rows("idtx-eli", "idtx-fails")).as("no row without the events").isZero();
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before);

        Api.Response retried = api.as("idtx-eli").header("Idempotency-Key", "idtx-fails")
                .post(couple.path("/red-flags"), Map.of("indicator", "LONELINESS"));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).as("it ran").isNull();
        assertThat(storedEvents(couple.agreementId)).isEqualTo(before + 1);
        assertThat(row("idtx-eli", "idtx-fails").get("status")).isEqualTo(201);
    }

    /** Rows name their caller by blind index. */
    private String callerIndex(String caller) {
        return blindIndex.index(BlindIndex.Purpose.IDEMPOTENCY, caller);
    }

    private String keyIndex(String key) {
        return blindIndex.index(new BlindIndex.Purpose("idempotency-key"), key);
    }

    private Map<String, Object> row(String caller, String key) {
        return jdbc.queryForMap("SELECT status, etag, location, body FROM idempotency_key "
                + "WHERE caller = ? AND idempotency_key = ?", callerIndex(caller), keyIndex(key));
    }

    private long rows(String caller, String key) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM idempotency_key WHERE caller = ? AND idempotency_key = ?",
                Long.class, callerIndex(caller), keyIndex(key));
        return rows == null ? 0 : rows;
    }
}
