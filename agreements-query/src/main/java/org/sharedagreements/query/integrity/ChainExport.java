package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An agreement's chain as the export of docs/contract.md ("Hash chain") shows it: every event with what the formula needs to re-verify it
 * offline ({@code sequence}, {@code type}, {@code at}, {@code payloadDigest}, {@code prevHash}) and the hash stored
 * with it. The partners' export carries the stored payload bytes (base64; content is ciphertext, which is what was
 * hashed) and, beside them, the event as the timeline shows it ({@code data}, opened; not covered by the hash);
 * the auditor's leaves both out and still verifies link by link from the digests. Both carry every signed
 * checkpoint stored for the agreement ({@code checkpoints}, in sequence order), which anchor the chain outside the
 * database.
 */
@JsonPropertyOrder({"agreementId", "events", "headHash", "checkpoints"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainExport(String agreementId, List<Event> events, String headHash,
                          @Schema(description = "every signed checkpoint of the agreement, in sequence order")
                          List<SignedCheckpoint> checkpoints) {

    /**
     * One exported event; {@code payload} and {@code data} are absent from the redacted export, and {@code data}
     * also where the stored payload no longer reads as an event.
     */
    @JsonPropertyOrder({"sequence", "type", "at", "payloadDigest", "prevHash", "hash", "payload", "data"})
    public record Event(long sequence, String type, String at, String payloadDigest, String prevHash, String hash,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String payload,
                        @Schema(description = "partners' export only: the event as the timeline shows it, content "
                                + "opened; not covered by the hash (verify from payload)")
                        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode data) {
    }

    /** The full export: with every payload, base64 of the bytes exactly as stored. */
    public static ChainExport withPayloads(String agreementId, List<StoredEvent> stored) {
        return of(agreementId, new StoredChain(stored, List.of()), true, Map.of());
    }

    /** The full export with the checkpoints, and each event's readable {@code data} by sequence. */
    public static ChainExport withPayloads(String agreementId, StoredChain chain, Map<Long, JsonNode> data) {
        return of(agreementId, chain, true, data);
    }

    /** The redacted export: no payload, still verifiable from the digests and links. */
    public static ChainExport redacted(String agreementId, List<StoredEvent> stored) {
        return of(agreementId, new StoredChain(stored, List.of()), false, Map.of());
    }

    /** The redacted export with the checkpoints. */
    public static ChainExport redacted(String agreementId, StoredChain chain) {
        return of(agreementId, chain, false, Map.of());
    }

    private static ChainExport of(String agreementId, StoredChain chain, boolean payloads, Map<Long, JsonNode> data) {
        List<StoredEvent> stored = chain.events();
        List<Event> events = new ArrayList<>(stored.size());
        String previous = HashChain.GENESIS;
        for (StoredEvent event : stored) {
            String at = HashChain.at(event.timestamp());
            events.add(new Event(event.sequence(), event.type(), at == null ? event.timestamp() : at,
                    HashChain.payloadDigest(event.payload()), previous, event.storedHash(),
                    payloads ? Base64.getEncoder().encodeToString(event.payload()) : null,
                    payloads ? data.get(event.sequence()) : null));
            previous = event.storedHash();
        }
        List<SignedCheckpoint> checkpoints = chain.checkpoints().stream()
                .map(checkpoint -> SignedCheckpoint.of(agreementId, checkpoint)).toList();
        return new ChainExport(agreementId, List.copyOf(events),
                stored.isEmpty() ? null : stored.get(stored.size() - 1).storedHash(), checkpoints);
    }
}
