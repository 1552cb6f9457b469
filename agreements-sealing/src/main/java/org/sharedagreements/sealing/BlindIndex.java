package org.sharedagreements.sealing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A keyed blind index: lets the service find rows by user id (an agreement's members, a counsellor's grants, an
 * idempotency record) while the database holds only {@code HMAC-SHA-256} values. Without the key, which lives in
 * configuration and never in the database, a thief cannot compute the index of a known user id, so a dump
 * neither names anyone nor answers "is this person in it?" by trying ids.
 *
 * <p>Each {@link Purpose} has its own key, so the same user id indexes differently as a member and as a counsellor:
 * the columns cannot be joined to link one person's roles. Format, for an independent implementation:
 * <pre>
 * purposeKey = HMAC-SHA-256(key, UTF-8("sa-blind-index/v1|" + purpose))
 * index      = base64url-without-padding(HMAC-SHA-256(purposeKey, UTF-8(value)))   -- 43 characters
 * </pre>
 * The full 32 bytes are kept: 43 characters is compact enough for an index column, and an untruncated value needs
 * no argument about collisions across tens of millions of ids. The value is indexed exactly as given; callers
 * normalise user ids first. Changing the key means recomputing every index from the opened user ids.
 */
public final class BlindIndex {

    /** What an index is for; one key per purpose. Names are {@code [a-z][a-z0-9-]*}. */
    public record Purpose(String name) {

        /** Initialised before the constants below, which the constructor checks against it. */
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

        public static final Purpose MEMBER = new Purpose("member");
        public static final Purpose COUNSELLOR = new Purpose("counsellor");
        public static final Purpose IDEMPOTENCY = new Purpose("idempotency");

        public Purpose {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a blind index purpose is named " + NAME + ": " + name);
            }
        }
    }

    static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String SETTING = "agreements.crypto.blind-index-key";

    private final SecretKeySpec key;
    private final ConcurrentMap<Purpose, SecretKeySpec> purposeKeys = new ConcurrentHashMap<>();

    private BlindIndex(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** The index from its key: base64 of exactly 32 bytes. */
    public static BlindIndex fromBase64Key(String base64) {
        byte[] bytes = Base64Keys.decode(base64, SETTING);
        if (bytes.length != KEY_BYTES) {
            throw new KeyConfigurationException(SETTING + " must be base64 of " + KEY_BYTES + " bytes, not "
                    + bytes.length + " bytes");
        }
        return new BlindIndex(bytes);
    }

    /** A fresh key, base64, for the local profile or an operator. */
    public static String generateKeyBase64() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64Keys.encode(bytes);
    }

    /** The index of a value for a purpose (43 base64url characters). */
    public String index(Purpose purpose, String value) {
        Objects.requireNonNull(purpose, "a blind index needs its purpose");
        Objects.requireNonNull(value, "nothing to index");
        SecretKeySpec purposeKey = purposeKeys.computeIfAbsent(purpose,
                p -> new SecretKeySpec(hmac(key, ("sa-blind-index/v1|" + p.name()).getBytes(StandardCharsets.UTF_8)),
                        ALGORITHM));
        return Base64Keys.encodeUrl(hmac(purposeKey, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether an index was computed from this value for this purpose, in constant time. */
    public boolean matches(String index, Purpose purpose, String value) {
        return sameIndex(index, index(purpose, value));
    }

    /** Constant-time equality of two index strings (so comparing leaks no prefix length). */
    public static boolean sameIndex(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available");
        }
    }

    @Override
    public String toString() {
        return "BlindIndex[key ****]";
    }
}
