package org.sharedagreements.kernel.membership;

/**
 * Where an agreement stands, as the read side shows it: forming until {@link PartnerLimits#MIN} partners have
 * joined, then active, until it ends (a partner left) or its content is erased.
 */
public enum AgreementStatus {
    FORMING,
    ACTIVE,
    ENDED,
    ERASED
}
