package org.sharedagreements.query.integrity;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The public key that verifies checkpoints (docs/sealing.md, "Checkpoint"): its RFC 7638 thumbprint (the
 * {@code keyId} every checkpoint names), base64 of its X.509 SubjectPublicKeyInfo, and the same key as a JWK.
 */
@JsonPropertyOrder({"keyId", "algorithm", "publicKey", "jwk"})
public record CheckpointKey(String keyId, String algorithm, String publicKey, Jwk jwk) {

    /** RFC 8037: an Ed25519 public key as an OKP JWK. */
    @JsonPropertyOrder({"kty", "crv", "x", "kid", "use", "alg"})
    public record Jwk(String kty, String crv, String x, String kid, String use, String alg) {
    }
}
