package org.sharedagreements.sealing;

import com.google.crypto.tink.subtle.Ed25519Sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs {@link Checkpoint}s of agreements' head hashes with Ed25519, so that a rewritten event table (every hash
 * recomputed by whoever holds the database) is caught by checkpoints kept elsewhere. The signing key comes from
 * configuration, never the database; the public key is served ({@link #publicKeyX509Base64()},
 * {@link #publicKeyJwk()}) for anyone to verify with.
 *
 * <p>The point of a checkpoint is that an outsider can verify it from the documented format with any standard
 * library, so the key travels in standard encodings (a raw RFC 8032 seed or PKCS#8 in, X.509 SubjectPublicKeyInfo
 * and JWK out) and the signature is the bare 64 bytes of RFC 8032, not a Tink-prefixed one. Signing goes through
 * Tink's RFC 8032 implementation ({@link Ed25519Sign}, no keyset, no prefix): one checkpoint is signed in every
 * command's transaction, and the JDK 17 provider's Ed25519 took about 1.2 ms of CPU per signature on this
 * machine (half of a command's CPU in the benchmark's profile) where Tink's takes about 0.12 ms. Ed25519
 * signatures are deterministic, so both give the same bytes; the JDK's provider verifies them
 * ({@link CheckpointVerifier}), as an outsider's library would.
 */
public final class CheckpointSigner {

    static final int SEED_BYTES = 32;
    private static final String SETTING = "agreements.crypto.checkpoint-signing-key";

    private final Ed25519Sign signing;
    private final CheckpointVerifier verifier;

    private CheckpointSigner(byte[] seed) {
        try {
            this.signing = new Ed25519Sign(seed);
            this.verifier = CheckpointVerifier.fromRawPublicKey(
                    Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new KeyConfigurationException(SETTING + " is not an Ed25519 key");
        }
    }

    /**
     * The signer from configuration: base64 of the 32-byte Ed25519 seed (RFC 8032 private key), or base64 of a
     * PKCS#8 {@code PrivateKeyInfo} holding one (as {@code openssl genpkey -algorithm ed25519 -outform DER} writes).
     */
    public static CheckpointSigner fromBase64(String base64) {
        byte[] bytes = Base64Keys.decode(base64, SETTING);
        if (bytes.length == SEED_BYTES) {
            return new CheckpointSigner(bytes);
        }
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(bytes));
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
            return new CheckpointSigner(seed);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyConfigurationException(SETTING + " must be base64 of a 32-byte Ed25519 seed or of an"
                    + " Ed25519 PKCS#8 key (" + bytes.length + " bytes given)");
        }
    }

    /** A fresh signing key (base64 of a 32-byte seed) for the local profile or an operator. */
    public static String generateSeedBase64() {
        byte[] seed = new byte[SEED_BYTES];
        new SecureRandom().nextBytes(seed);
        return Base64Keys.encode(seed);
    }

    /** A checkpoint of an agreement's chain: {@code headHash} is the hash of event {@code sequence}. */
    public Checkpoint sign(UUID agreementId, long sequence, String headHash, Instant signedAt) {
        Checkpoint unsigned = new Checkpoint(agreementId, sequence, headHash, signedAt, keyId(), "");
        try {
            return new Checkpoint(agreementId, sequence, headHash, unsigned.signedAt(), keyId(),
                    Base64Keys.encodeUrl(signing.sign(unsigned.signedBytes())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing is not available");
        }
    }

    /** The verifier for this signer's public key. */
    public CheckpointVerifier verifier() {
        return verifier;
    }

    /** RFC 7638 thumbprint of the public key. */
    public String keyId() {
        return verifier.keyId();
    }

    /** The public key as base64 of its X.509 SubjectPublicKeyInfo (DER), as {@code openssl pkey -pubout} reads. */
    public String publicKeyX509Base64() {
        return verifier.publicKeyX509Base64();
    }

    /** The public key as a JWK: {@code {"kty":"OKP","crv":"Ed25519","x":...,"kid":...,"use":"sig","alg":"EdDSA"}}. */
    public String publicKeyJwk() {
        return verifier.publicKeyJwk();
    }

    @Override
    public String toString() {
        return "CheckpointSigner[keyId=" + keyId() + ", private key ****]";
    }
}
