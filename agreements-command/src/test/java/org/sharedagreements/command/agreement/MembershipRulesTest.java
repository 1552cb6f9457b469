package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.membership.EndReason;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.LeaveAgreement;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;
import org.sharedagreements.kernel.membership.PartnerLeft;

import java.util.ArrayList;
import java.util.List;

class MembershipRulesTest extends AgreementFixtureTest {

    /** Alex drafted; {@code joined} more partners joined and {@code invited} more were invited. */
    private static List<Object> members(int joined, int invited) {
        List<Object> events = new ArrayList<>(List.of(drafted()));
        for (int i = 1; i <= joined + invited; i++) {
            PartnerId partner = PartnerId.of("partner-" + i);
            events.add(new PartnerInvited(AGREEMENT, ALEX, partner));
            if (i <= joined) {
                events.add(new PartnerJoined(AGREEMENT, partner));
            }
        }
        return events;
    }

    @Test
    void draftingMakesTheCreatorTheFirstPartner() {
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, ALEX, PrivateText.of("Rebuilding trust"), null))
                .expectEvents(new AgreementDrafted(AGREEMENT, ALEX, PrivateText.of("Rebuilding trust")));
    }

    @Test
    void aPartnerInvitesSomeoneAndLearnsTheNewVersion() {
        fixture.given(drafted())
                .when(new InvitePartner(AGREEMENT, ALEX, SAM, null))
                .expectEvents(new PartnerInvited(AGREEMENT, ALEX, SAM))
                .expectResultMessagePayload(new CommandReceipt(1, null));
    }

    @Test
    void nobodyInvitesThemselves() {
        refusedBy(fixture.given(drafted()).when(new InvitePartner(AGREEMENT, ALEX, ALEX, null)), Rule.CANNOT_INVITE_SELF);
    }

    @Test
    void aPartnerIsNotInvitedAgain() {
        refusedBy(fixture.given(couple()).when(new InvitePartner(AGREEMENT, SAM, ALEX, null)), Rule.ALREADY_INVITED);
    }

    @Test
    void anInviteeIsNotInvitedTwice() {
        refusedBy(fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM))
                .when(new InvitePartner(AGREEMENT, ALEX, SAM, null)), Rule.ALREADY_INVITED);
    }

    @Test
    void anAgreementHasAtMostEightPartnersCountingInvitees() {
        refusedBy(fixture.given(members(3, 4)).when(new InvitePartner(AGREEMENT, ALEX, PartnerId.of("ninth"), null)),
                Rule.TOO_MANY_PARTNERS);
    }

    @Test
    void theEighthPartnerMayStillBeInvited() {
        fixture.given(members(3, 3))
                .when(new InvitePartner(AGREEMENT, ALEX, PartnerId.of("eighth"), null))
                .expectEvents(new PartnerInvited(AGREEMENT, ALEX, PartnerId.of("eighth")));
    }

    @Test
    void membershipIsFixedOnceTheFirstBoundaryIsProposed() {
        refusedBy(fixture.given(proposed()).when(new InvitePartner(AGREEMENT, ALEX, KIM, null)), Rule.MEMBERSHIP_FIXED);
    }

    @Test
    void membershipStaysFixedWhenTheFirstProposalIsWithdrawn() {
        refusedBy(fixture.given(with(proposed(), new BoundaryProposalWithdrawn(AGREEMENT, ALEX, BOUNDARY, 1)))
                .when(new InvitePartner(AGREEMENT, ALEX, KIM, null)), Rule.MEMBERSHIP_FIXED);
    }

    @Test
    void anInvitedPersonJoins() {
        fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM))
                .when(new JoinAgreement(AGREEMENT, SAM, null))
                .expectEvents(new PartnerJoined(AGREEMENT, SAM))
                .expectResultMessagePayload(new CommandReceipt(2, null));
    }

    @Test
    void aPartnerJoinsOnlyOnce() {
        refusedBy(fixture.given(couple()).when(new JoinAgreement(AGREEMENT, SAM, null)), Rule.ALREADY_JOINED);
    }

    @Test
    void aPendingInviteeCannotJoinOnceMembershipIsFixed() {
        refusedBy(fixture.given(with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM),
                        new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS)))
                .when(new JoinAgreement(AGREEMENT, KIM, null)), Rule.MEMBERSHIP_FIXED);
    }

    @Test
    void leavingEndsTheAgreementForEveryone() {
        fixture.given(active())
                .when(new LeaveAgreement(AGREEMENT, SAM, null))
                .expectEvents(new PartnerLeft(AGREEMENT, SAM), new AgreementEnded(AGREEMENT, SAM, EndReason.PARTNER_LEFT))
                .expectResultMessagePayload(new CommandReceipt(7, null));
    }

    @Test
    void anyPartnerMayLeaveEvenBeforeAnyoneElseJoined() {
        fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM))
                .when(new LeaveAgreement(AGREEMENT, ALEX, null))
                .expectEvents(new PartnerLeft(AGREEMENT, ALEX), new AgreementEnded(AGREEMENT, ALEX, EndReason.PARTNER_LEFT));
    }

    @Test
    void leavingCancelsEveryScheduledReview() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .when(new LeaveAgreement(AGREEMENT, ALEX, null))
                .expectEvents(new PartnerLeft(AGREEMENT, ALEX), new AgreementEnded(AGREEMENT, ALEX, EndReason.PARTNER_LEFT))
                .expectNoScheduledDeadlines();
    }
}
