package org.sharedagreements.sealing;

import java.util.Objects;

/**
 * How a user id is stored wherever it must stay attributable without being readable (event payloads): its
 * agreement's {@linkplain FieldSeal#pseudonym pseudonym} in the clear, then the id itself sealed.
 * <pre>
 * "p1:" + pseudonym (22 characters, base64url) + ":" + base64url-without-padding(nonce | ciphertext | tag)
 * </pre>
 * The sealed part is {@link FieldSeal}'s format without its {@code "s1:"} prefix. The pseudonym lets an auditor
 * number the people of a timeline ({@code partner-1}..) from the stored bytes alone, and keep numbering them the
 * same after erasure; it is computed under the agreement's data key, so nobody can tell from it who a person is,
 * nor confirm a guess, and once the key is destroyed nothing links it to anyone.
 */
public final class SealedIdentity {

    public static final String PREFIX = "p1:";

    private SealedIdentity() {
    }

    /** The stored form of {@code userId} in the agreement of {@code seal}, at {@code context}. */
    public static String seal(FieldSeal seal, String userId, SealContext context) {
        Objects.requireNonNull(userId, "no user id to seal");
        String sealed = seal.seal(userId, context).substring(FieldSeal.PREFIX.length());
        return PREFIX + seal.pseudonym(userId) + ":" + sealed;
    }

    /** The user id, opened; fails on a value of another form, or one that does not open here. */
    public static String open(FieldSeal seal, String stored, SealContext context) {
        int end = end(stored);
        if (end < 0) {
            throw new SealingException(SealingException.Reason.MALFORMED, "not a sealed user id (expected " + PREFIX + ")");
        }
        return seal.open(FieldSeal.PREFIX + stored.substring(end + 1), context);
    }

    public static boolean isSealed(String stored) {
        return end(stored) > 0;
    }

    /** The pseudonym of a sealed user id, or {@code null} for a value of any other form. */
    public static String pseudonymOf(String stored) {
        int end = end(stored);
        return end < 0 ? null : stored.substring(PREFIX.length(), end);
    }

    private static int end(String stored) {
        return stored == null || !stored.startsWith(PREFIX) ? -1 : stored.indexOf(':', PREFIX.length());
    }
}
