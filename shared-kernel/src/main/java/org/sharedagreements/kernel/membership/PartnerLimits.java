package org.sharedagreements.kernel.membership;

/**
 * How many partners an agreement has: it becomes active, and boundaries and counsellor access can be asked for,
 * once {@link #MIN} have joined; no more than {@link #MAX} are invited or joined at once. The write side decides
 * with these, the read side shows the agreement active with the same minimum.
 */
public final class PartnerLimits {

    public static final int MIN = 2;
    public static final int MAX = 8;

    private PartnerLimits() {
    }
}
