package org.sharedagreements.app.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.Api;
import org.sharedagreements.app.support.ApiTest;
import org.sharedagreements.app.support.Couple;
import org.sharedagreements.query.integrity.HashChain;
import org.sharedagreements.query.integrity.Verification;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database stores each event's hash as the event is stored; verification recomputes the chain from the
 * stored bytes and names the first sequence that someone tampered with through SQL.
 */
class HashChainTamperTest extends ApiTest {

    @Test
    void anUntouchedChainVerifiesAndMatchesThePublishedFormula() {
        Couple couple = sixEvents("hc-ann", "hc-ben");

        Verification verification = verify(couple);

        assertThat(verification.valid()).isTrue();
        assertThat(verification.eventCount()).isEqualTo(6);
        assertThat(verification.firstInvalidSequence()).isNull();
        assertThat(verification.headHash()).isEqualTo(storedHash(couple.agreementId, 5));
        Map<String, Object> first = jdbc.queryForMap("SELECT payload, time_stamp FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", couple.agreementId);
        String expected = HashChain.hash(HashChain.GENESIS, couple.agreementId, 0, "AgreementDrafted",
                HashChain.at((String) first.get("time_stamp")), HashChain.payloadDigest((byte[]) first.get("payload")));
        assertThat(storedHash(couple.agreementId, 0)).isEqualTo(expected);
    }

    @Test
    void aChangedPayloadByteIsFound() {
        Couple couple = sixEvents("hc-cat", "hc-dan");
        assertInvalidAfter(couple, 3,
                "UPDATE domain_event_entry SET payload = overlay(payload PLACING '\\x20'::bytea FROM 3 FOR 1) "
                + "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = 3");
    }

    @Test
    void aChangedTimestampIsFound() {
        Couple couple = sixEvents("hc-eve", "hc-fay");
        assertInvalidAfter(couple, 2, "UPDATE domain_event_entry SET time_stamp = '2020-01-01T00:00:00.000Z' "
                + "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = 2");
    }

    @Test
    void aChangedTypeIsFound() {
        Couple couple = sixEvents("hc-gil", "hc-hal");
        assertInvalidAfter(couple, 4,
                "UPDATE domain_event_entry SET payload_type = 'org.sharedagreements.kernel.boundary.BoundaryDeclined' "
                + "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = 4");
    }

    @Test
    void aDeletedEventIsFound() {
        Couple couple = sixEvents("hc-ida", "hc-jon");
        assertInvalidAfter(couple, 2, "DELETE FROM domain_event_entry WHERE aggregate_identifier = '"
                + couple.agreementId + "' AND sequence_number = 2");
    }

    @Test
    void aReorderedEventIsFound() {
        Couple couple = sixEvents("hc-kim", "hc-lou");
        String where = "WHERE aggregate_identifier = '" + couple.agreementId + "' AND sequence_number = ";
        assertInvalidAfter(couple, 3, "UPDATE domain_event_entry SET sequence_number = -1 " + where + "3",
                "UPDATE domain_event_entry SET sequence_number = 3 " + where + "4",
                "UPDATE domain_event_entry SET sequence_number = 4 " + where + "-1");
    }

    @Test
    void storedEventsCannotBeChangedOrDeleted() {
        Couple couple = sixEvents("hc-max", "hc-ned");
        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET payload = '\\x00'::bytea "
                + "WHERE aggregate_identifier = ?", couple.agreementId)).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?",
                couple.agreementId)).hasMessageContaining("immutable");
        assertThat(verify(couple).valid()).isTrue();
    }

    /** Verification as a partner asks for it ({@code GET .../verification}). */
    private static Verification verify(Couple couple) {
        Api.Response answer = couple.first.get(couple.path("/verification"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode body = answer.body();
        return new Verification(body.path("valid").asBoolean(), body.path("eventCount").asLong(),
                body.path("headHash").isNull() ? null : body.path("headHash").asText(),
                body.path("firstInvalidSequence").isNull() ? null : body.path("firstInvalidSequence").asLong(),
                body.path("reason").isNull() ? null : body.path("reason").asText(),
                body.path("checkpointCount").asLong(), null);
    }

    private Couple sixEvents(String first, String second) {
        Couple couple = Couple.formed(api, first, second);
        couple.activeBoundary("DISCLOSURE");
        assertThat(storedEvents(couple.agreementId)).isEqualTo(6);
        return couple;
    }

    private void assertInvalidAt(Couple couple, long sequence) {
        Verification verification = verify(couple);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(sequence);
        assertThat(verification.reason()).isNotBlank();
    }

    private String storedHash(String agreementId, long sequence) {
        return jdbc.queryForObject("SELECT hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", String.class, agreementId, sequence);
    }

    /**
     * Tampers as someone with direct database access would, past the table's immutability triggers, checks that
     * verification names {@code sequence}, and puts the rows back so no other test meets a tampered event.
     */
    private void assertInvalidAfter(Couple couple, long sequence, String... statements) {
        try (Tampering tampering = Tampering.of(jdbc, couple.agreementId)) {
            tampering.run(statements);
            assertInvalidAt(couple, sequence);
        }
        assertThat(verify(couple).valid()).as("restored").isTrue();
    }
}
