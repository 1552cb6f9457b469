package org.sharedagreements.kernel.access;

/** What a request is about when it names no agreement of its own. */
public enum Scope {
    /** Starting a new agreement. */
    DRAFT,
    /** The agreements the caller belongs to or was granted. */
    OWN_AGREEMENTS,
    /** A counsellor's caseload. */
    CASELOAD,
    /** Every agreement's chain head, for auditors. */
    AUDIT_LIST,
    /** Projection status, dead letters and rebuilds, for operators. */
    OPERATIONS
}
