package org.sharedagreements.app.security;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The shared secret of HS256 tokens. The HMAC key is the UTF-8 bytes of the secret as written (not base64
 * decoded), as the API contract says, and must be at least 32 bytes.
 */
public record HmacSecret(String value) {

    public static final int MIN_BYTES = 32;

    public HmacSecret {
        Objects.requireNonNull(value, "an HMAC secret needs a value");
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw new IllegalArgumentException("agreements.security.jwt.hmac-secret must be at least "
                    + MIN_BYTES + " bytes");
        }
    }

    public byte[] keyBytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HmacSecret[****]";
    }
}
