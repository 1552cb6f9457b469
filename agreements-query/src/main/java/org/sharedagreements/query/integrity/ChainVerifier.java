package org.sharedagreements.query.integrity;

import java.util.List;

/**
 * Recomputes an agreement's chain from its stored events (in the order of their sequence numbers) and names the
 * first sequence whose position, timestamp, type, payload or link does not match the hash stored with it. A
 * missing event shows as a gap at its position; a reordered one as a hash that belongs to another position.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    public static Verification verify(String agreementId, List<StoredEvent> events) {
        String previous = HashChain.GENESIS;
        String head = events.isEmpty() ? null : events.get(events.size() - 1).storedHash();
        for (int position = 0; position < events.size(); position++) {
            StoredEvent event = events.get(position);
            if (event.sequence() != position) {
                return Verification.invalid(events.size(), head, position,
                        "event " + position + " is missing or out of place");
            }
            String at = HashChain.at(event.timestamp());
            if (at == null) {
                return Verification.invalid(events.size(), head, position, "the stored timestamp is not an instant");
            }
            String expected = HashChain.hash(previous, agreementId, position, event.type(), at,
                    HashChain.payloadDigest(event.payload()));
            if (!expected.equals(event.storedHash())) {
                return Verification.invalid(events.size(), head, position,
                        "the payload, timestamp, type or link of this event does not match its stored hash");
            }
            previous = event.storedHash();
        }
        return Verification.valid(events.size(), head);
    }
}
