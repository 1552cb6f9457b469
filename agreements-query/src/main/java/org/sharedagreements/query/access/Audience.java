package org.sharedagreements.query.access;

/** Whose endpoints a query about one agreement belongs to, which decides who may see the agreement through it. */
public enum Audience {
    /** {@code /api/agreements/{a}/..}: its partners and the counsellors they all granted. */
    PARTNERS,
    /** {@code /api/audit/agreements/{a}/..}: auditors, who see every agreement redacted. */
    AUDITORS
}
