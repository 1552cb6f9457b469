package org.sharedagreements.query.access;

/** In what capacity a caller sees an agreement. */
public enum AccessRole {
    PARTNER,
    COUNSELLOR
}
