package org.sharedagreements.sealing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * One agreement's data key: 32 random bytes for AES-256-GCM. It never reaches the disk unwrapped; it is stored
 * only as {@link MasterKeyring#wrap wrapped} by the master keyring, so erasing the wrapped copy makes every sealed
 * field of the agreement unreadable wherever its ciphertext lives (events, read models, replicas, backups).
 *
 * <p>Raw bytes rather than a Tink keyset per agreement: an agreement's data key never rotates (erasure destroys
 * it; there is nothing to re-encrypt towards), so a keyset's versioning would only add about 60 bytes of framing to
 * each of tens of millions of rows; and the app's existing {@code data_key} rows hold raw 32-byte keys, which this
 * class reads unchanged. The volume sealed under one key stays far below AES-GCM's limit for random nonces.
 */
public final class DataKey {

    static final int BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final Aead aead;

    private DataKey(byte[] bytes) {
        this.bytes = bytes;
        try {
            this.aead = new AesGcmJce(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available");
        }
    }

    /** A fresh key for a new agreement. */
    public static DataKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new DataKey(bytes);
    }

    /** A key from its raw bytes (as unwrapped, or as the app's existing key store holds them); copied. */
    public static DataKey fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "a data key needs its bytes");
        if (bytes.length != BYTES) {
            throw new KeyConfigurationException("a data key must be " + BYTES + " bytes, not " + bytes.length);
        }
        return new DataKey(bytes.clone());
    }

    /** AES-256-GCM as Tink does it without an output prefix: {@code nonce(12) | ciphertext | tag(16)}. */
    Aead aead() {
        return aead;
    }

    /** The raw bytes, only for wrapping. */
    byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The key as a JCE AES key, for the app's content cipher, which encrypts event content with its own format
     * ({@code enc:v1:}) until it seals fields with {@link FieldSeal}.
     */
    public javax.crypto.SecretKey toSecretKey() {
        return new javax.crypto.spec.SecretKeySpec(bytes, "AES");
    }

    /** Constant-time comparison of two keys (for tests and for checking an unwrap). */
    boolean sameKeyAs(DataKey other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "DataKey[****]";
    }
}
