package org.sharedagreements.sealing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor who has only the documentation (Checkpoint's Javadoc, docs/sealing.md), the served public key and
 * a checkpoint's fields as plain values, verifies it with JDK classes alone. The project's classes only produce
 * the inputs; {@link #auditorVerifies} uses none of them.
 */
class OutsideAuditorTest {

    @Test
    void aCheckpointVerifiesFromTheDocumentedFormatWithJdkClassesAlone() throws Exception {
        CheckpointSigner signer = CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64());
        String agreementId = UUID.randomUUID().toString();
        String head = "0123456789abcdef".repeat(4);
        Checkpoint checkpoint = signer.sign(UUID.fromString(agreementId), 7, head,
                Instant.parse("2026-11-26T17:00:00.120Z"));
        String publicKey = signer.publicKeyX509Base64();

        assertThat(auditorVerifies(publicKey, agreementId, "7", head, "2026-11-26T17:00:00.120Z",
                checkpoint.signature())).isTrue();
        assertThat(auditorVerifies(publicKey, agreementId, "8", head, "2026-11-26T17:00:00.120Z",
                checkpoint.signature())).isFalse();
        assertThat(auditorVerifies(publicKey, agreementId, "7", head, "2026-11-26T17:00:00.12Z",
                checkpoint.signature())).isFalse();
    }

    private static boolean auditorVerifies(String publicKeyX509Base64, String agreementId, String sequence,
                                           String headHash, String signedAt, String signatureBase64url)
            throws Exception {
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyX509Base64)));
        byte[] message = ("sa-checkpoint/v1|" + agreementId + "|" + sequence + "|" + headHash + "|" + signedAt)
                .getBytes(StandardCharsets.UTF_8);
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update(message);
        return ed25519.verify(Base64.getUrlDecoder().decode(signatureBase64url));
    }
}
