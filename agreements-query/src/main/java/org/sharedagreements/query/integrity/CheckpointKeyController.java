package org.sharedagreements.query.integrity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.sharedagreements.query.QuerySide;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/integrity/checkpoint-key}: the public key that verifies every agreement's signed checkpoints,
 * for any authenticated caller (partners, counsellors, auditors, operators alike). It names no agreement and
 * holds nothing secret; it is what an outside verifier checks exports against.
 */
@QuerySide
@RestController
public class CheckpointKeyController {

    private final CheckpointKey key;

    public CheckpointKeyController(PublishedCheckpointKey published) {
        this.key = published.key();
    }

    @GetMapping("/api/integrity/checkpoint-key")
    @Operation(summary = "The public key that verifies signed checkpoints",
            description = "Ed25519; publicKey is base64 of its X.509 SubjectPublicKeyInfo, jwk the same key as an"
                    + " RFC 8037 JWK, keyId its RFC 7638 thumbprint (the keyId of every checkpoint it signed).")
    @ApiResponse(responseCode = "200", description = "The checkpoint key")
    public CheckpointKey checkpointKey() {
        return key;
    }
}
