package org.sharedagreements.kernel.access;

/** A counsellor's access to an agreement: pending until every partner approved, granted, or revoked. */
public enum GrantStatus {
    PENDING,
    GRANTED,
    REVOKED
}
