package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.sealing.CheckpointVerifier;
import org.springframework.stereotype.Component;

/**
 * The public key that verifies every agreement's signed checkpoints, as {@code GET /api/integrity/checkpoint-key}
 * publishes it and the auditor's page names it (its {@code keyId}, the RFC 7638 thumbprint, is its fingerprint).
 */
@QuerySide
@Component
public class PublishedCheckpointKey {

    private final CheckpointKey key;

    public PublishedCheckpointKey(CheckpointVerifier verifier, ObjectMapper objectMapper) {
        try {
            this.key = new CheckpointKey(verifier.keyId(), "Ed25519", verifier.publicKeyX509Base64(),
                    objectMapper.readValue(verifier.publicKeyJwk(), CheckpointKey.Jwk.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the checkpoint key's JWK does not read", e);
        }
    }

    public CheckpointKey key() {
        return key;
    }
}
