package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A checkpoint as exports and verification show it, with every field the signature covers written exactly as
 * signed (docs/sealing.md, "Checkpoint"): Ed25519 over the UTF-8 bytes of
 * {@code "sa-checkpoint/v1|" + agreementId + "|" + sequence + "|" + headHash + "|" + signedAt}, carried as
 * base64url without padding; {@code keyId} names the published key
 * ({@code GET /api/integrity/checkpoint-key}).
 */
@JsonPropertyOrder({"agreementId", "sequence", "headHash", "signedAt", "keyId", "signature"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SignedCheckpoint(String agreementId, long sequence, String headHash, String signedAt, String keyId,
                               String signature) {

    static SignedCheckpoint of(String agreementId, StoredCheckpoint stored) {
        return new SignedCheckpoint(agreementId, stored.sequence(), stored.headHash(),
                stored.signedAt() == null ? null : HashChain.at(stored.signedAt()), stored.keyId(), stored.signature());
    }
}
