package org.sharedagreements.sealing;

/**
 * Sealed or wrapped bytes that do not open, with the reason as a code rather than a message to parse. The message
 * never carries key material, plaintext or the ciphertext itself, and the underlying crypto exception is dropped
 * on purpose: a provider's message is not ours to vouch for.
 */
public final class SealingException extends RuntimeException {

    /** Why something did not open. */
    public enum Reason {
        /** Not in a format this module writes: wrong prefix, not base64url, too short. */
        MALFORMED,
        /** Well-formed but does not authenticate: tampered with, another key, or another context. */
        NOT_AUTHENTIC,
        /** Wrapped under a master key version that this keyring no longer (or never) held. */
        UNKNOWN_KEY_VERSION
    }

    private final Reason reason;

    SealingException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
