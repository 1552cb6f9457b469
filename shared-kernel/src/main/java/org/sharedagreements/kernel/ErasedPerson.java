package org.sharedagreements.kernel;

/**
 * What a user id of an erased agreement reads as in its events, before the read side shows it as
 * {@value Confidential#ERASED}: {@code "[erased:" + pseudonym + "]"}, the pseudonym being the agreement's own
 * unlinkable name for that person (see the sealing module's {@code SealedIdentity}). Distinct people stay distinct,
 * so folding an erased agreement's events gives the same structure as folding them before the erasure did (two
 * partners stay two partners), while nobody can tell from it who anyone was.
 */
public final class ErasedPerson {

    private static final String PREFIX = "[erased:";

    private ErasedPerson() {
    }

    /** The stand-in for the person the agreement calls {@code pseudonym}. */
    public static String of(String pseudonym) {
        return PREFIX + pseudonym + "]";
    }

    /** Whether a user id is such a stand-in, or {@value Confidential#ERASED} itself. */
    public static boolean is(String userId) {
        return userId != null && (userId.equals(Confidential.ERASED) || userId.startsWith(PREFIX));
    }
}
