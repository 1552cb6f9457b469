package org.sharedagreements.query.integrity;

import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointVerifier;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Recomputes an agreement's chain from its stored events (in the order of their sequence numbers) and checks it
 * against the agreement's signed checkpoints.
 *
 * <p>The formula: the first sequence whose position, timestamp, type, payload or link does not match the hash
 * stored with it. A missing event shows as a gap at its position; a reordered one as a hash that belongs to
 * another position.
 *
 * <p>The checkpoints, in sequence order: each must carry a valid signature of the published key, must name an
 * event that is stored, and that event's stored hash must be the checkpoint's head hash; the run of checkpoints
 * that pass ends at the <em>anchor</em> (none: -1). The first checkpoint that fails makes the chain invalid from
 * the anchor's next sequence on; when all pass, every stored event after the anchor is one no checkpoint covers,
 * which only an append that bypassed the service leaves, and the chain is invalid from the first of them. So
 * {@code firstInvalidSequence} is the first sequence that is not vouched for by both the formula and a signed
 * checkpoint that still matches: the smaller of the formula's first failure and the anchor + 1.
 */
public final class ChainVerifier {

    private static final Comparator<StoredCheckpoint> IN_SEQUENCE = Comparator.comparingLong(StoredCheckpoint::sequence);

    private ChainVerifier() {
    }

    /** The formula alone (docs/contract.md, "Hash chain"), as anyone can check it from an export. */
    public static Verification verify(String agreementId, List<StoredEvent> events) {
        Failure failure = formula(agreementId, events);
        return failure == null ? Verification.valid(events.size(), head(events))
                : Verification.invalid(events.size(), head(events), failure.sequence, failure.reason);
    }

    /** The formula and every checkpoint, with the key that must have signed them. */
    public static Verification verify(String agreementId, List<StoredEvent> events,
                                      List<StoredCheckpoint> checkpoints, CheckpointVerifier key) {
        return verify(agreementId, events, checkpoints, key::verifies);
    }

    /** As above, with {@code genuine} saying whether the published key signed a checkpoint. */
    static Verification verify(String agreementId, List<StoredEvent> events, List<StoredCheckpoint> checkpoints,
                               Predicate<Checkpoint> genuine) {
        List<StoredCheckpoint> ordered = checkpoints.stream().sorted(IN_SEQUENCE).toList();
        Failure formula = formula(agreementId, events);
        Anchoring anchoring = anchor(agreementId, events, ordered, genuine);
        Failure failure = formula == null ? anchoring.failure
                : anchoring.failure == null || formula.sequence <= anchoring.failure.sequence ? formula
                : anchoring.failure;
        SignedCheckpoint anchor = anchoring.anchor == null ? null : SignedCheckpoint.of(agreementId, anchoring.anchor);
        return failure == null ? Verification.valid(events.size(), head(events), ordered.size(), anchor)
                : Verification.invalid(events.size(), head(events), failure.sequence, failure.reason,
                ordered.size(), anchor);
    }

    private static Failure formula(String agreementId, List<StoredEvent> events) {
        String previous = HashChain.GENESIS;
        for (int position = 0; position < events.size(); position++) {
            StoredEvent event = events.get(position);
            if (event.sequence() != position) {
                return new Failure(position, "event " + position + " is missing or out of place");
            }
            String at = HashChain.at(event.timestamp());
            if (at == null) {
                return new Failure(position, "the stored timestamp is not an instant");
            }
            String expected = HashChain.hash(previous, agreementId, position, event.type(), at,
                    HashChain.payloadDigest(event.payload()));
            if (!expected.equals(event.storedHash())) {
                return new Failure(position,
                        "the payload, timestamp, type or link of this event does not match its stored hash");
            }
            previous = event.storedHash();
        }
        return null;
    }

    private static Anchoring anchor(String agreementId, List<StoredEvent> events, List<StoredCheckpoint> checkpoints,
                                    Predicate<Checkpoint> genuine) {
        UUID agreement = UUID.fromString(agreementId);
        Map<Long, String> storedHashes = new HashMap<>();
        events.forEach(event -> storedHashes.putIfAbsent(event.sequence(), event.storedHash()));
        long last = events.stream().mapToLong(StoredEvent::sequence).max().orElse(-1);
        StoredCheckpoint anchor = null;
        long anchored = -1;
        for (StoredCheckpoint stored : checkpoints) {
            long next = anchored + 1;
            Checkpoint claimed = stored.claimed(agreement);
            if (claimed == null || !genuine.test(claimed)) {
                return new Anchoring(anchor, new Failure(next, "the checkpoint of sequence " + stored.sequence()
                        + " is not signed by the published checkpoint key"));
            }
            if (!storedHashes.containsKey(stored.sequence())) {
                return new Anchoring(anchor, new Failure(next, "the stored chain has no event " + stored.sequence()
                        + ", which a signed checkpoint covers: events were removed"));
            }
            if (!stored.headHash().equals(storedHashes.get(stored.sequence()))) {
                return new Anchoring(anchor, new Failure(next, "the stored hash of event " + stored.sequence()
                        + " is not the one its signed checkpoint holds: events from sequence " + next
                        + " on were rewritten"));
            }
            anchor = stored;
            anchored = stored.sequence();
        }
        if (last > anchored) {
            return new Anchoring(anchor, new Failure(anchored + 1, "events from sequence " + (anchored + 1)
                    + " on are not covered by a signed checkpoint: they were not appended by the service"));
        }
        return new Anchoring(anchor, null);
    }

    private static String head(List<StoredEvent> events) {
        return events.isEmpty() ? null : events.get(events.size() - 1).storedHash();
    }

    private record Failure(long sequence, String reason) {
    }

    /** The last checkpoint of the run that passes, and what stopped the run (null: nothing did). */
    private record Anchoring(StoredCheckpoint anchor, Failure failure) {
    }
}
