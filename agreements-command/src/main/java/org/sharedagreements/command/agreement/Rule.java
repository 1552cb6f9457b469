package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.membership.PartnerLimits;

/**
 * The rules of an agreement that can refuse a command, each with the sentence a partner reads in the 409's
 * {@code detail}. Add a constant when a new rule appears; never reuse one for another meaning.
 */
public enum Rule {
    AGREEMENT_ENDED("the agreement has ended; nothing more can change in it"),
    AGREEMENT_ERASED("the agreement's content was erased; nothing more can change in it"),
    TOO_MANY_PARTNERS("an agreement has at most " + PartnerLimits.MAX + " partners"),
    NOT_ENOUGH_PARTNERS("at least " + PartnerLimits.MIN
            + " partners must have joined before boundaries can be proposed"),
    MEMBERSHIP_FIXED("membership is fixed once the first boundary has been proposed"),
    ALREADY_INVITED("that person is already invited to or a partner of this agreement"),
    CANNOT_INVITE_SELF("you are already a partner of this agreement"),
    ALREADY_JOINED("you have already joined this agreement"),
    BOUNDARY_ALREADY_EXISTS("a boundary with this id already exists"),
    NO_PENDING_VERSION("this boundary has no pending version"),
    NOT_THE_PENDING_VERSION("that is not the pending version of this boundary"),
    ALREADY_ACCEPTED("you have already accepted this version"),
    ONLY_PROPOSER_WITHDRAWS("only the partner who proposed this version can withdraw it"),
    REVISION_ALREADY_PENDING("this boundary already has a pending revision; accept, decline or withdraw it first"),
    NOT_REVISABLE("only an active or suspended boundary can be revised"),
    NOT_ACTIVE("this boundary is not active"),
    ALREADY_SUSPENDED("consent to this boundary is already withdrawn; it is suspended"),
    NOTHING_TO_REAFFIRM("this boundary is neither suspended nor due for review"),
    ALREADY_REAFFIRMED("you have already reaffirmed this boundary"),
    NOT_RETIRABLE("only an active or suspended boundary can be retired"),
    ALREADY_ASKED_TO_RETIRE("you have already asked to retire this boundary"),
    BREACH_ALREADY_EXISTS("a breach with this id already exists"),
    BREACHED_BY_NOT_A_PARTNER("a breach can only name a partner who has joined this agreement"),
    OCCURRED_IN_FUTURE("a breach cannot have occurred in the future"),
    ONLY_BREACHING_PARTNER_ACKNOWLEDGES("only the partner who broke the boundary can acknowledge the breach"),
    BREACH_ALREADY_ACKNOWLEDGED("this breach is already acknowledged"),
    BREACH_NOT_ACKNOWLEDGED("a breach is resolved only after the partner who broke the boundary acknowledged it"),
    BREACH_ALREADY_RESOLVED("this breach is already resolved"),
    ALREADY_CONFIRMED_RESOLUTION("you have already confirmed the resolution of this breach"),
    RED_FLAG_ALREADY_EXISTS("a red flag with this id already exists"),
    RED_FLAG_ALREADY_ADDRESSED("this red flag is already addressed"),
    COUNSELLOR_IS_PARTNER("a partner of this agreement cannot also be its counsellor"),
    COUNSELLOR_ACCESS_ALREADY_OPEN("access for this counsellor is already pending or granted"),
    COUNSELLOR_ACCESS_NEEDS_PARTNERS("counsellor access can be requested once at least " + PartnerLimits.MIN
            + " partners have joined"),
    COUNSELLOR_ACCESS_NOT_PENDING("access for this counsellor is not pending"),
    ALREADY_APPROVED("you have already approved access for this counsellor"),
    COUNSELLOR_ACCESS_NOT_OPEN("this counsellor has no pending or granted access to revoke");

    private final String detail;

    Rule(String detail) {
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
