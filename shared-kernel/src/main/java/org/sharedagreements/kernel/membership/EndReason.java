package org.sharedagreements.kernel.membership;

/** Why an agreement ended. */
public enum EndReason {
    /** A partner left; leaving ends the agreement for everyone. */
    PARTNER_LEFT
}
