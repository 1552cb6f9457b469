package org.sharedagreements.kernel.access;

/**
 * Where one person stands with one agreement: their membership among its partners ({@code null}: none), their
 * counsellor access ({@code null}: none), and whether the agreement's read models are parked on a dead letter
 * (an event they could not apply, which may be a revocation or an erasure not applied yet).
 */
public record Standing(Membership membership, GrantStatus grant, boolean parked) {

    private static final Standing STRANGER = new Standing(null, null, false);

    /** Someone the agreement does not know, or an agreement that does not exist: the same thing to the policy. */
    public static Standing stranger() {
        return STRANGER;
    }

    public boolean joinedOnce() {
        return membership == Membership.JOINED || membership == Membership.LEFT;
    }

    public boolean granted() {
        return grant == GrantStatus.GRANTED;
    }
}
