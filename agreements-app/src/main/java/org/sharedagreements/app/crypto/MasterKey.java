package org.sharedagreements.app.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.Objects;

/** The key that wraps every agreement's data key: 32 bytes, configured as base64 ({@code AGREEMENTS_CRYPTO_MASTER_KEY}). */
public final class MasterKey {

    static final int BYTES = 32;

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public static MasterKey fromBase64(String base64) {
        Objects.requireNonNull(base64, "a master key is needed");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("agreements.crypto.master-key must be base64 of 32 bytes");
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("agreements.crypto.master-key must be base64 of 32 bytes, not "
                    + bytes.length);
        }
        return new MasterKey(bytes);
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "MasterKey[****]";
    }
}
