package org.sharedagreements.query.integrity;

import org.sharedagreements.sealing.Checkpoint;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code chain_checkpoint} exactly as stored: the signed claim that event {@code sequence} of the
 * agreement had {@code headHash}, with its signing time, key id and signature. Nothing here is trusted until
 * {@link ChainVerifier} has checked the signature.
 */
public record StoredCheckpoint(long sequence, String headHash, Instant signedAt, String keyId, String signature) {

    /** The checkpoint these fields claim, or null when they cannot form one (a malformed hash, say). */
    Checkpoint claimed(UUID agreementId) {
        try {
            return new Checkpoint(agreementId, sequence, headHash, signedAt, keyId, signature);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
