package org.sharedagreements.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Verifies {@link Checkpoint}s against one published Ed25519 public key. Holds nothing secret; an outside auditor
 * needs only the documented format in {@link Checkpoint} and a standard Ed25519 implementation, not this class.
 */
public final class CheckpointVerifier {

    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int PUBLIC_KEY_BYTES = 32;

    private final byte[] rawPublicKey;
    private final PublicKey publicKey;
    private final String keyId;

    private CheckpointVerifier(byte[] rawPublicKey) {
        this.rawPublicKey = rawPublicKey;
        try {
            this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509()));
        } catch (GeneralSecurityException e) {
            throw new KeyConfigurationException("not an Ed25519 public key");
        }
        this.keyId = thumbprint(rawPublicKey);
    }

    static CheckpointVerifier fromRawPublicKey(byte[] rawPublicKey) {
        if (rawPublicKey.length != PUBLIC_KEY_BYTES) {
            throw new KeyConfigurationException("an Ed25519 public key is 32 bytes");
        }
        return new CheckpointVerifier(rawPublicKey.clone());
    }

    /** A verifier from base64 of an X.509 SubjectPublicKeyInfo, as {@link CheckpointSigner#publicKeyX509Base64()} serves. */
    public static CheckpointVerifier fromX509Base64(String base64) {
        byte[] der = Base64Keys.decode(base64, "the checkpoint public key");
        if (der.length != X509_PREFIX.length + PUBLIC_KEY_BYTES
                || !Arrays.equals(Arrays.copyOf(der, X509_PREFIX.length), X509_PREFIX)) {
            throw new KeyConfigurationException("the checkpoint public key is not an Ed25519 SubjectPublicKeyInfo");
        }
        return new CheckpointVerifier(Arrays.copyOfRange(der, X509_PREFIX.length, der.length));
    }

    /** Whether the checkpoint is signed by this key over exactly its fields. */
    public boolean verifies(Checkpoint checkpoint) {
        if (!keyId.equals(checkpoint.keyId())) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getUrlDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(checkpoint.signedBytes());
            return signature.verify(signatureBytes);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 verification is not available");
        }
    }

    public String keyId() {
        return keyId;
    }

    public String publicKeyX509Base64() {
        return Base64Keys.encode(x509());
    }

    public String publicKeyJwk() {
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + Base64Keys.encodeUrl(rawPublicKey) + "\",\"kid\":\""
                + keyId + "\",\"use\":\"sig\",\"alg\":\"EdDSA\"}";
    }

    private byte[] x509() {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_BYTES);
        System.arraycopy(rawPublicKey, 0, der, X509_PREFIX.length, PUBLIC_KEY_BYTES);
        return der;
    }

    /** RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace. */
    private static String thumbprint(byte[] rawPublicKey) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Keys.encodeUrl(rawPublicKey) + "\"}";
        try {
            return Base64Keys.encodeUrl(MessageDigest.getInstance("SHA-256")
                    .digest(members.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available");
        }
    }

    @Override
    public String toString() {
        return "CheckpointVerifier[keyId=" + keyId + "]";
    }
}
