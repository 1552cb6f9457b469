package org.sharedagreements.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /** Bytes of a {@link #pseudonym} before base64url: 128 bits, so no two people of an agreement ever share one. */
    private static final int PSEUDONYM_BYTES = 16;

    private final DataKey key;
    private final SecretKeySpec pseudonymKey;

    public FieldSeal(DataKey key) {
        this.key = Objects.requireNonNull(key, "sealing needs the agreement's data key");
        this.pseudonymKey = new SecretKeySpec(hmac(new SecretKeySpec(key.bytes(), "HmacSHA256"),
                "sa-pseudonym/v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /**
     * The agreement's pseudonym of a value (a user id): the same value always gives the same pseudonym within the
     * agreement, different agreements give unrelated ones, and without the data key nobody can compute it, so it
     * neither names the person nor confirms a guess; once the key is destroyed it is linked to nobody for good.
     * {@code base64url-without-padding(first 16 bytes of HMAC-SHA-256(HMAC-SHA-256(dataKey, "sa-pseudonym/v1"),
     * UTF-8(value))}), 22 characters.
     */
    public String pseudonym(String value) {
        Objects.requireNonNull(value, "nothing to name");
        byte[] mac = hmac(pseudonymKey, value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, PSEUDONYM_BYTES));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available");
        }
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
