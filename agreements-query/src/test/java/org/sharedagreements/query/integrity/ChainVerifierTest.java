package org.sharedagreements.query.integrity;

import org.junit.jupiter.api.Test;
import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointSigner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of {@link ChainVerifier} with checkpoints: the chain is vouched for up to the last checkpoint that is
 * signed by the published key and still matches, and {@code firstInvalidSequence} is the sequence after it (or
 * the formula's first failure, when that comes first).
 */
class ChainVerifierTest {

    private static final String AGREEMENT = "0b6f6a8e-5f4d-4c1e-9a59-2f6b7f0d1c11";
    private static final CheckpointSigner KEY = CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64());
    private static final CheckpointSigner OTHER_KEY =
            CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64());

    @Test
    void aChainWithACheckpointAtEveryAppendIsValidAndAnchoredAtItsHead() {
        List<StoredEvent> events = chain(6, "original");

        Verification verification = verify(events, checkpoints(KEY, events, 0, 2, 3, 5));

        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(verification.checkpointCount()).isEqualTo(4);
        assertThat(verification.lastValidCheckpoint().sequence()).isEqualTo(5);
        assertThat(verification.lastValidCheckpoint().headHash()).isEqualTo(events.get(5).storedHash());
    }

    @Test
    void aRewrittenChainWithEveryHashRecomputedIsInvalidAfterTheLastCheckpointThatStillMatches() {
        List<StoredEvent> original = chain(6, "original");
        List<Checkpoint> signed = checkpoints(KEY, original, 0, 2, 3, 5);
        List<StoredEvent> rewritten = new ArrayList<>(original.subList(0, 4));
        rewritten.addAll(chain(6, "rewritten").subList(4, 6));
        rewritten = relinked(rewritten);

        Verification verification = verify(rewritten, signed);

        assertThat(ChainVerifier.verify(AGREEMENT, rewritten).valid()).as("the formula alone").isTrue();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(4);
        assertThat(verification.reason()).contains("rewritten");
        assertThat(verification.lastValidCheckpoint().sequence()).isEqualTo(3);
    }

    @Test
    void aTruncatedChainIsInvalidFromTheFirstMissingSequence() {
        List<StoredEvent> events = chain(6, "original");

        Verification verification = verify(events.subList(0, 4), checkpoints(KEY, events, 0, 2, 3, 5));

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(4);
        assertThat(verification.reason()).contains("removed");
    }

    @Test
    void eventsPastTheLastCheckpointAreInvalidFromTheFirstOfThem() {
        List<StoredEvent> events = chain(6, "original");

        Verification verification = verify(events, checkpoints(KEY, events, 0, 2, 3));

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(4);
        assertThat(verification.reason()).contains("not covered by a signed checkpoint");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsEvidenceOfTampering() {
        List<StoredEvent> events = chain(6, "original");
        List<Checkpoint> checkpoints = new ArrayList<>(checkpoints(KEY, events, 0, 2, 5));
        checkpoints.add(OTHER_KEY.sign(UUID.fromString(AGREEMENT), 3, events.get(3).storedHash(), Instant.now()));

        Verification verification = verify(events, checkpoints);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(3);
        assertThat(verification.reason()).contains("not signed by the published checkpoint key");
    }

    @Test
    void aCheckpointWhoseFieldsWereChangedAfterSigningFails() {
        List<StoredEvent> events = chain(3, "original");
        Checkpoint genuine = checkpoints(KEY, events, 2).get(0);
        StoredCheckpoint moved = new StoredCheckpoint(genuine.sequence(), genuine.headHash(),
                genuine.signedAt().plusSeconds(1), genuine.keyId(), genuine.signature());

        Verification verification = ChainVerifier.verify(AGREEMENT, events, List.of(moved), KEY.verifier());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isZero();
        assertThat(verification.lastValidCheckpoint()).isNull();
    }

    @Test
    void theFormulasFirstFailureWinsWhenItComesBeforeTheCheckpoints() {
        List<StoredEvent> events = new ArrayList<>(chain(6, "original"));
        List<Checkpoint> signed = checkpoints(KEY, events, 0, 2, 3, 5);
        StoredEvent second = events.get(1);
        events.set(1, new StoredEvent(1, second.payloadType(), second.timestamp(),
                "{\"changed\":true}".getBytes(StandardCharsets.UTF_8), second.storedHash()));

        Verification verification = verify(events, signed);

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isEqualTo(1);
        assertThat(verification.reason()).contains("does not match its stored hash");
    }

    @Test
    void aChainWithNoCheckpointAtAllIsNotVouchedFor() {
        Verification verification = verify(chain(2, "original"), List.of());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidSequence()).isZero();
    }

    private static Verification verify(List<StoredEvent> events, List<Checkpoint> checkpoints) {
        return ChainVerifier.verify(AGREEMENT, events, checkpoints.stream().map(checkpoint -> new StoredCheckpoint(
                checkpoint.sequence(), checkpoint.headHash(), checkpoint.signedAt(), checkpoint.keyId(),
                checkpoint.signature())).toList(), KEY.verifier());
    }

    private static List<Checkpoint> checkpoints(CheckpointSigner signer, List<StoredEvent> events, int... sequences) {
        List<Checkpoint> checkpoints = new ArrayList<>();
        for (int sequence : sequences) {
            checkpoints.add(signer.sign(UUID.fromString(AGREEMENT), sequence, events.get(sequence).storedHash(),
                    Instant.parse("2026-11-26T17:00:00.123Z").plusSeconds(sequence)));
        }
        return checkpoints;
    }

    private static List<StoredEvent> chain(int length, String content) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            byte[] payload = ("{\"n\":" + i + ",\"c\":\"" + content + "\"}").getBytes(StandardCharsets.UTF_8);
            events.add(new StoredEvent(i, "org.example.Event" + i, "2026-11-26T17:00:0" + i + ".5Z", payload, null));
        }
        return relinked(events);
    }

    /** The events with every hash recomputed by the formula, as whoever holds the database can. */
    private static List<StoredEvent> relinked(List<StoredEvent> events) {
        List<StoredEvent> linked = new ArrayList<>();
        String previous = HashChain.GENESIS;
        for (StoredEvent event : events) {
            String hash = HashChain.hash(previous, AGREEMENT, event.sequence(), event.type(),
                    HashChain.at(event.timestamp()), HashChain.payloadDigest(event.payload()));
            linked.add(new StoredEvent(event.sequence(), event.payloadType(), event.timestamp(), event.payload(), hash));
            previous = hash;
        }
        return linked;
    }
}
