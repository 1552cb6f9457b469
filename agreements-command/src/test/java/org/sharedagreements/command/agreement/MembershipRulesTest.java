package org.sharedagreements.command.agreement;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.boundary.ProposeBoundary;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.RevocationReason;
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
import org.sharedagreements.kernel.redflag.RaiseRedFlag;

import java.util.ArrayList;
import java.util.List;

class MembershipRulesTest extends AgreementFixtureTest {

    @Test
    void draftingMakesTheCreatorTheFirstPartner() {
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, ALEX, "Rebuilding trust", null))
                .expectEvents(new AgreementDrafted(AGREEMENT, ALEX, "Rebuilding trust"));
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
    void nobodyIsInvitedTwice() {
        refusedBy(fixture.given(couple()).when(new InvitePartner(AGREEMENT, ALEX, SAM, null)), Rule.ALREADY_INVITED);
    }

    @Test
    void anAgreementHasAtMostEightPartners() {
        List<Object> seven = new ArrayList<>(List.of(drafted()));
        for (int i = 2; i <= 8; i++) {
            seven.add(new PartnerInvited(AGREEMENT, ALEX, PartnerId.of("partner-" + i)));
        }
        refusedBy(fixture.given(seven).when(new InvitePartner(AGREEMENT, ALEX, PartnerId.of("ninth"), null)),
                Rule.TOO_MANY_PARTNERS);
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
    void someoneNotInvitedCannotJoinOrEvenSeeTheAgreement() {
        notVisible(fixture.given(couple()).when(new JoinAgreement(AGREEMENT, STRANGER, null)));
    }

    @Test
    void anInviteeSeesNothingUntilJoining() {
        notVisible(fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM))
                .when(new RaiseRedFlag(AGREEMENT, SAM, RedFlagId.random(), RedFlagIndicator.STRESS, "", null)));
    }

    @Test
    void aStrangerCannotSeeTheAgreement() {
        notVisible(fixture.given(couple()).when(new InvitePartner(AGREEMENT, STRANGER, KIM, null)));
    }

    @Test
    void membershipIsFixedOnceTheFirstBoundaryIsProposed() {
        refusedBy(fixture.given(proposed()).when(new InvitePartner(AGREEMENT, ALEX, KIM, null)), Rule.MEMBERSHIP_FIXED);
    }

    @Test
    void aPendingInviteeCannotJoinOnceMembershipIsFixed() {
        refusedBy(fixture.given(with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM),
                        new org.sharedagreements.kernel.boundary.BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS)))
                .when(new JoinAgreement(AGREEMENT, KIM, null)), Rule.MEMBERSHIP_FIXED);
    }

    @Test
    void leavingEndsTheAgreementForEveryone() {
        fixture.given(active())
                .when(new LeaveAgreement(AGREEMENT, SAM, null))
                .expectEvents(new PartnerLeft(AGREEMENT, SAM), new AgreementEnded(AGREEMENT, SAM, EndReason.PARTNER_LEFT));
    }

    @Test
    void nothingChangesInAnEndedAgreement() {
        refusedBy(fixture.given(with(couple(), new PartnerLeft(AGREEMENT, SAM),
                        new AgreementEnded(AGREEMENT, SAM, EndReason.PARTNER_LEFT)))
                .when(new ProposeBoundary(AGREEMENT, ALEX, BoundaryId.random(), TERMS, null)), Rule.AGREEMENT_ENDED);
    }

    @Test
    void aPartnerWhoLeftIsNoLongerAPartner() {
        notVisible(fixture.given(with(couple(), new PartnerLeft(AGREEMENT, SAM),
                        new AgreementEnded(AGREEMENT, SAM, EndReason.PARTNER_LEFT)))
                .when(new RaiseRedFlag(AGREEMENT, SAM, RedFlagId.random(), RedFlagIndicator.STRESS, "", null)));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(couple())
                .when(new RaiseRedFlag(AGREEMENT, ALEX, RedFlagId.random(), RedFlagIndicator.STRESS, "", 1L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void anExpectedVersionAheadOfTheAgreementIsRefusedToo() {
        fixture.given(couple())
                .when(new RaiseRedFlag(AGREEMENT, ALEX, RedFlagId.random(), RedFlagIndicator.STRESS, "", 7L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(couple())
                .when(new RaiseRedFlag(AGREEMENT, ALEX, RedFlagId.of("0f0f0f0f-3333-4c5d-9e8f-0a1b2c3d4e5f"),
                        RedFlagIndicator.STRESS, "", 2L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CommandReceipt(3, null));
    }

    @Test
    void aNewcomerRevokesCounsellorAccessTheyNeverApproved() {
        CounsellorId counsellor = CounsellorId.of("dr-lee");
        fixture.given(with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM),
                        new CounsellorAccessRequested(AGREEMENT, ALEX, counsellor),
                        new CounsellorAccessApproved(AGREEMENT, SAM, counsellor),
                        new CounsellorAccessGranted(AGREEMENT, SAM, counsellor)))
                .when(new JoinAgreement(AGREEMENT, KIM, null))
                .expectEvents(new PartnerJoined(AGREEMENT, KIM),
                        new CounsellorAccessRevoked(AGREEMENT, KIM, counsellor, RevocationReason.MEMBERSHIP_CHANGED));
    }
}
