package org.sharedagreements.kernel.counsellor;

/** Why a counsellor's access ended. */
public enum RevocationReason {
    /** A partner revoked it; any partner may, alone and at once. */
    REVOKED_BY_PARTNER,
    /** A new partner joined who never approved it, so it has to be requested and approved again. */
    MEMBERSHIP_CHANGED
}
