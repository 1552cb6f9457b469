package org.sharedagreements.sealing;

import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    private static final String HEAD = "a".repeat(63) + "b";
    private final UUID agreement = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
    private final Instant at = Instant.parse("2026-11-26T17:00:00.123Z");
    private final String seed = CheckpointSigner.generateSeedBase64();
    private final CheckpointSigner signer = CheckpointSigner.fromBase64(seed);

    @Test
    void aSignedCheckpointVerifies() {
        Checkpoint checkpoint = signer.sign(agreement, 41, HEAD, at);

        assertThat(signer.verifier().verifies(checkpoint)).isTrue();
        assertThat(CheckpointVerifier.fromX509Base64(signer.publicKeyX509Base64()).verifies(checkpoint)).isTrue();
        assertThat(checkpoint.signature()).matches("[A-Za-z0-9_-]{86}");
        assertThat(checkpoint.keyId()).isEqualTo(signer.keyId()).matches("[A-Za-z0-9_-]{43}");
    }

    /** RFC 8032 signatures are deterministic: the signer's bytes are exactly what any standard library signs. */
    @Test
    void theSignatureIsTheOneTheJdksOwnEd25519Makes() throws Exception {
        Checkpoint checkpoint = signer.sign(agreement, 41, HEAD, at);
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(java.security.KeyFactory.getInstance("Ed25519").generatePrivate(new java.security.spec.EdECPrivateKeySpec(
                java.security.spec.NamedParameterSpec.ED25519, Base64.getDecoder().decode(seed))));
        jdk.update(checkpoint.signedBytes());

        assertThat(Base64.getUrlDecoder().decode(checkpoint.signature())).isEqualTo(jdk.sign());
    }

    @Test
    void theSignedBytesAreTheDocumentedString() {
        assertThat(new String(signer.sign(agreement, 41, HEAD, at).signedBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("sa-checkpoint/v1|6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f|41|" + HEAD
                        + "|2026-11-26T17:00:00.123Z");
        assertThat(new String(signer.sign(agreement, 0, HEAD, Instant.parse("2026-11-26T17:00:00Z")).signedBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).endsWith("|0|" + HEAD + "|2026-11-26T17:00:00.000Z");
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        Checkpoint checkpoint = signer.sign(agreement, 41, HEAD, Instant.parse("2026-11-26T17:00:00.123456789Z"));

        assertThat(checkpoint.signedAt()).isEqualTo(at);
        assertThat(signer.verifier().verifies(checkpoint)).isTrue();
    }

    @Test
    void anyChangedFieldFailsVerification() {
        Checkpoint c = signer.sign(agreement, 41, HEAD, at);
        CheckpointVerifier verifier = signer.verifier();

        assertThat(verifier.verifies(new Checkpoint(UUID.randomUUID(), 41, HEAD, at, c.keyId(), c.signature())))
                .isFalse();
        assertThat(verifier.verifies(new Checkpoint(agreement, 42, HEAD, at, c.keyId(), c.signature()))).isFalse();
        assertThat(verifier.verifies(new Checkpoint(agreement, 41, "c" + HEAD.substring(1), at, c.keyId(),
                c.signature()))).isFalse();
        assertThat(verifier.verifies(new Checkpoint(agreement, 41, HEAD, at.plusMillis(1), c.keyId(),
                c.signature()))).isFalse();
        char first = c.signature().charAt(0);
        String changedSignature = (first == 'A' ? 'B' : 'A') + c.signature().substring(1);
        assertThat(verifier.verifies(new Checkpoint(agreement, 41, HEAD, at, c.keyId(), changedSignature))).isFalse();
        assertThat(verifier.verifies(new Checkpoint(agreement, 41, HEAD, at, c.keyId(), "not*base64"))).isFalse();
        assertThat(verifier.verifies(new Checkpoint(agreement, 41, HEAD, at, c.keyId(), ""))).isFalse();
    }

    @Test
    void anotherKeyFailsVerification() {
        Checkpoint checkpoint = signer.sign(agreement, 41, HEAD, at);
        CheckpointVerifier other = CheckpointSigner.fromBase64(CheckpointSigner.generateSeedBase64()).verifier();

        assertThat(other.verifies(checkpoint)).isFalse();
        // even when the checkpoint claims the other key's id
        assertThat(other.verifies(new Checkpoint(agreement, 41, HEAD, at, other.keyId(), checkpoint.signature())))
                .isFalse();
    }

    @Test
    void signaturesAreDeterministicForOneKey() {
        assertThat(signer.sign(agreement, 41, HEAD, at).signature())
                .isEqualTo(CheckpointSigner.fromBase64(seed).sign(agreement, 41, HEAD, at).signature());
    }

    @Test
    void aPkcs8KeyFromTheJdkSignsLikeItsSeed() throws Exception {
        EdECPrivateKey generated = (EdECPrivateKey) KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPrivate();
        String pkcs8 = Base64.getEncoder().encodeToString(generated.getEncoded());
        String rawSeed = Base64.getEncoder().encodeToString(generated.getBytes().orElseThrow());

        CheckpointSigner fromPkcs8 = CheckpointSigner.fromBase64(pkcs8);

        assertThat(fromPkcs8.keyId()).isEqualTo(CheckpointSigner.fromBase64(rawSeed).keyId());
        assertThat(fromPkcs8.verifier().verifies(fromPkcs8.sign(agreement, 1, HEAD, at))).isTrue();
    }

    @Test
    void theDerivedPublicKeyIsTheJdksOwn() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());

        assertThat(CheckpointSigner.fromBase64(pkcs8).publicKeyX509Base64())
                .isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    @Test
    void theJwkCarriesThePublicKeyAndItsThumbprint() {
        String jwk = signer.publicKeyJwk();
        byte[] spki = Base64.getDecoder().decode(signer.publicKeyX509Base64());
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(
                java.util.Arrays.copyOfRange(spki, 12, 44));

        assertThat(jwk).isEqualTo("{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\",\"kid\":\""
                + signer.keyId() + "\",\"use\":\"sig\",\"alg\":\"EdDSA\"}");
    }

    @Test
    void badSigningKeysAreRefusedWithoutEchoingThem() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> CheckpointSigner.fromBase64(sixteen)).isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("32-byte").satisfies(e -> assertThat(e.getMessage()).doesNotContain(sixteen));
        assertThatThrownBy(() -> CheckpointSigner.fromBase64("%%%secret")).isInstanceOf(KeyConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        assertThatThrownBy(() -> CheckpointVerifier.fromX509Base64(sixteen))
                .isInstanceOf(KeyConfigurationException.class);
    }

    @Test
    void malformedCheckpointsAreRefused() {
        assertThatThrownBy(() -> signer.sign(agreement, 1, "ABC", at)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(agreement, 1, HEAD.toUpperCase(), at))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(agreement, -1, HEAD, at)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsTheKeyIdButNoPrivateKey() {
        assertThat(signer.toString()).contains(signer.keyId()).contains("****").doesNotContain(seed);
        assertThat(LocalKeyMaterial.generate().toString()).doesNotContain("{").contains("****");
    }
}
