package org.sharedagreements.kernel.breach;

/** Where a breach stands: open, acknowledged by the partner who broke the boundary, resolved by every partner. */
public enum BreachStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
