package org.sharedagreements.kernel.access;

/** In what capacity a caller sees an agreement: as one of its partners, a counsellor it granted, or an auditor. */
public enum AccessRole {
    PARTNER,
    COUNSELLOR,
    AUDITOR
}
