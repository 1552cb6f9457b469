package org.sharedagreements.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;

/**
 * Seals and opens the fields of one agreement under its {@link DataKey}: AES-256-GCM with a fresh random 96-bit
 * nonce for every value and the {@link SealContext} as associated data.
 *
 * <p>Protects against: reading (a dump, replica, backup or data directory shows only ciphertext and lengths);
 * tampering (a changed byte does not authenticate); moving a ciphertext to another agreement, table or field
 * (the context does not match); and confirming a guess (identical plaintexts seal to different ciphertexts, so
 * an attacker cannot seal "yes" and compare, nor see that two partners wrote the same words). It does not hide
 * lengths: a sealed value is 28 bytes longer than its UTF-8 plaintext before base64.
 *
 * <p>Format: {@code "s1:" + base64url-without-padding(nonce(12) | ciphertext | tag(16))}. The prefix names the
 * format version, so a later format can be read next to this one.
 */
public final class FieldSeal {

    /** The prefix of every value this version seals. */
    public static final String PREFIX = "s1:";
    private static final int OVERHEAD = 12 + 16;

    private final DataKey key;

    public FieldSeal(DataKey key) {
        this.key = Objects.requireNonNull(key, "sealing needs the agreement's data key");
    }

    /** Whether a stored value is sealed (in any format this module reads), rather than plaintext from before. */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plaintext, SealContext context) {
        Objects.requireNonNull(plaintext, "nothing to seal");
        return PREFIX + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sealBytes(plaintext.getBytes(StandardCharsets.UTF_8), context));
    }

    /** @throws SealingException if the value is not sealed, or not under this key and context */
    public String open(String sealed, SealContext context) {
        if (!isSealed(sealed)) {
            throw new SealingException(SealingException.Reason.MALFORMED, "not a sealed value (expected " + PREFIX + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SealingException(SealingException.Reason.MALFORMED, "a sealed value is not base64url");
        }
        return new String(openBytes(bytes, context), StandardCharsets.UTF_8);
    }

    /** The binary form ({@code nonce | ciphertext | tag}) for columns of type {@code BYTEA}. */
    public byte[] sealBytes(byte[] plaintext, SealContext context) {
        Objects.requireNonNull(plaintext, "nothing to seal");
        Objects.requireNonNull(context, "sealing needs a context");
        try {
            return key.aead().encrypt(plaintext, context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed to encrypt");
        }
    }

    /** @throws SealingException if the bytes are not sealed under this key and context */
    public byte[] openBytes(byte[] sealed, SealContext context) {
        Objects.requireNonNull(sealed, "nothing to open");
        Objects.requireNonNull(context, "opening needs a context");
        if (sealed.length < OVERHEAD) {
            throw new SealingException(SealingException.Reason.MALFORMED, "a sealed value is too short");
        }
        try {
            return key.aead().decrypt(sealed, context.associatedData());
        } catch (GeneralSecurityException e) {
            throw new SealingException(SealingException.Reason.NOT_AUTHENTIC,
                    "a sealed value does not open under this agreement's key in this place");
        }
    }

    @Override
    public String toString() {
        return "FieldSeal[****]";
    }
}
