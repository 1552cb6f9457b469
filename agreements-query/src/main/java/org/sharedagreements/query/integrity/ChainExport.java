package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An agreement's chain as the export of docs/contract.md ("Hash chain") shows it: every event with what the formula needs to re-verify it
 * offline ({@code sequence}, {@code type}, {@code at}, {@code payloadDigest}, {@code prevHash}) and the hash stored
 * with it. The partners' export carries the stored payload bytes (base64; content is ciphertext, which is what was
 * hashed); the auditor's leaves the payload out and still verifies link by link from the digests.
 */
@JsonPropertyOrder({"agreementId", "events", "headHash"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainExport(String agreementId, List<Event> events, String headHash) {

    /** One exported event; {@code payload} is absent from the redacted export. */
    @JsonPropertyOrder({"sequence", "type", "at", "payloadDigest", "prevHash", "hash", "payload"})
    public record Event(long sequence, String type, String at, String payloadDigest, String prevHash, String hash,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String payload) {
    }

    /** The full export: with every payload, base64 of the bytes exactly as stored. */
    public static ChainExport withPayloads(String agreementId, List<StoredEvent> stored) {
        return of(agreementId, stored, true);
    }

    /** The redacted export: no payload, still verifiable from the digests and links. */
    public static ChainExport redacted(String agreementId, List<StoredEvent> stored) {
        return of(agreementId, stored, false);
    }

    private static ChainExport of(String agreementId, List<StoredEvent> stored, boolean payloads) {
        List<Event> events = new ArrayList<>(stored.size());
        String previous = HashChain.GENESIS;
        for (StoredEvent event : stored) {
            String at = HashChain.at(event.timestamp());
            events.add(new Event(event.sequence(), event.type(), at == null ? event.timestamp() : at,
                    HashChain.payloadDigest(event.payload()), previous, event.storedHash(),
                    payloads ? Base64.getEncoder().encodeToString(event.payload()) : null));
            previous = event.storedHash();
        }
        return new ChainExport(agreementId, List.copyOf(events),
                stored.isEmpty() ? null : stored.get(stored.size() - 1).storedHash());
    }
}
