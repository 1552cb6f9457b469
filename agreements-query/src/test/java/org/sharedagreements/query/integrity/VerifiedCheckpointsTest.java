package org.sharedagreements.query.integrity;

import org.junit.jupiter.api.Test;
import org.sharedagreements.sealing.Checkpoint;
import org.sharedagreements.sealing.CheckpointSigner;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembering verified checkpoints never lets a checkpoint through that differs in any signed or carried field. */
class VerifiedCheckpointsTest {

    private static final CheckpointSigner KEY = CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64());
    private static final UUID AGREEMENT = UUID.fromString("0b6f6a8e-5f4d-4c1e-9a59-2f6b7f0d1c11");
    private static final String HASH = "a".repeat(64);

    @Test
    void aRememberedCheckpointStillVerifiesAndNoVariantOfItDoes() {
        VerifiedCheckpoints genuine = new VerifiedCheckpoints(KEY.verifier());
        Checkpoint signed = KEY.sign(AGREEMENT, 4, HASH, Instant.parse("2026-11-26T17:00:00.123Z"));

        assertThat(genuine.test(signed)).isTrue();
        assertThat(genuine.test(signed)).as("remembered").isTrue();

        assertThat(genuine.test(new Checkpoint(AGREEMENT, 5, HASH, signed.signedAt(), signed.keyId(),
                signed.signature()))).as("another sequence").isFalse();
        assertThat(genuine.test(new Checkpoint(AGREEMENT, 4, "b".repeat(64), signed.signedAt(), signed.keyId(),
                signed.signature()))).as("another head hash").isFalse();
        assertThat(genuine.test(new Checkpoint(AGREEMENT, 4, HASH, signed.signedAt().plusMillis(1), signed.keyId(),
                signed.signature()))).as("another time").isFalse();
        assertThat(genuine.test(new Checkpoint(UUID.randomUUID(), 4, HASH, signed.signedAt(), signed.keyId(),
                signed.signature()))).as("another agreement").isFalse();
        assertThat(genuine.test(new Checkpoint(AGREEMENT, 4, HASH, signed.signedAt(), "other-key",
                signed.signature()))).as("another key id").isFalse();
    }

    @Test
    void aCheckpointOfAnotherKeyIsNeverRemembered() {
        VerifiedCheckpoints genuine = new VerifiedCheckpoints(KEY.verifier());
        CheckpointSigner other = CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64());
        Checkpoint forged = other.sign(AGREEMENT, 4, HASH, Instant.now());

        assertThat(genuine.test(forged)).isFalse();
        assertThat(genuine.test(forged)).isFalse();
    }
}
