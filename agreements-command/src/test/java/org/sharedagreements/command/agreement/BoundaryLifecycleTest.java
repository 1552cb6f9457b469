package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.DeclineBoundary;
import org.sharedagreements.kernel.boundary.ProposeBoundary;
import org.sharedagreements.kernel.boundary.ReviseBoundary;
import org.sharedagreements.kernel.boundary.WithdrawBoundaryProposal;
import org.sharedagreements.kernel.boundary.WithdrawConsent;
import org.sharedagreements.kernel.membership.PartnerInvited;

import java.util.List;

/** Proposals: PROPOSED -> ACTIVE when every partner accepted, or DECLINED, or WITHDRAWN by the proposer. */
class BoundaryLifecycleTest extends AgreementFixtureTest {

    private static List<Object> declined() {
        return with(proposed(), new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("Not yet")));
    }

    private static List<Object> withdrawn() {
        return with(proposed(), new BoundaryProposalWithdrawn(AGREEMENT, ALEX, BOUNDARY, 1));
    }

    @Test
    void proposingNeedsTwoPartnersWhoJoined() {
        refusedBy(fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM))
                .when(new ProposeBoundary(AGREEMENT, ALEX, BOUNDARY, TERMS, null)), Rule.NOT_ENOUGH_PARTNERS);
    }

    @Test
    void aProposalIsVersionOneWithItsFullTerms() {
        fixture.given(couple())
                .when(new ProposeBoundary(AGREEMENT, ALEX, BOUNDARY, TERMS, null))
                .expectEvents(new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS))
                .expectResultMessagePayload(new CommandReceipt(3, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aBoundaryIdIsUsedOnce() {
        refusedBy(fixture.given(proposed()).when(new ProposeBoundary(AGREEMENT, SAM, BOUNDARY, TERMS, null)),
                Rule.BOUNDARY_ALREADY_EXISTS);
    }

    @Test
    void aDeclinedBoundaryKeepsItsId() {
        refusedBy(fixture.given(declined()).when(new ProposeBoundary(AGREEMENT, SAM, BOUNDARY, TERMS, null)),
                Rule.BOUNDARY_ALREADY_EXISTS);
    }

    @Test
    void proposingCountsAsTheProposersAcceptance() {
        refusedBy(fixture.given(proposed()).when(new AcceptBoundary(AGREEMENT, ALEX, BOUNDARY, 1, null)),
                Rule.ALREADY_ACCEPTED);
    }

    @Test
    void aBoundaryIsActiveWhenEveryPartnerAcceptedAndItsReviewIsScheduled() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 1, NOW.plus(THIRTY_DAYS)))
                .expectScheduledDeadline(THIRTY_DAYS, new ReviewDeadline(BOUNDARY, 1, NOW.plus(THIRTY_DAYS)))
                .expectScheduledDeadlineWithName(THIRTY_DAYS, ReviewDeadline.NAME)
                .expectResultMessagePayload(new CommandReceipt(5, null));
    }

    @Test
    void aProposalStaysPendingUntilEveryPartnerAccepts() {
        fixture.given(with(threesome(), new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS)))
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theLastAcceptanceOfThreeActivates() {
        fixture.given(with(threesome(), new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS),
                        new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1)))
                .andGivenCurrentTime(NOW)
                .when(new AcceptBoundary(AGREEMENT, KIM, BOUNDARY, 1, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, KIM, BOUNDARY, 1),
                        new BoundaryActivated(AGREEMENT, KIM, BOUNDARY, 1, NOW.plus(THIRTY_DAYS)))
                .expectResultMessagePayload(new CommandReceipt(8, null));
    }

    @Test
    void aPartnerAcceptsAVersionOnce() {
        refusedBy(fixture.given(with(threesome(), new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS),
                        new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1)))
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null)), Rule.ALREADY_ACCEPTED);
    }

    @Test
    void onlyThePendingVersionCanBeAccepted() {
        refusedBy(fixture.given(proposed()).when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 2, null)),
                Rule.NOT_THE_PENDING_VERSION);
    }

    @Test
    void anActiveBoundaryWithoutRevisionHasNothingToAccept() {
        refusedBy(fixture.given(active()).when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null)),
                Rule.NO_PENDING_VERSION);
    }

    @Test
    void anyPartnerDeclinesAProposal() {
        fixture.given(proposed())
                .when(new DeclineBoundary(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("Not yet"), null))
                .expectEvents(new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("Not yet")))
                .expectResultMessagePayload(new CommandReceipt(4, null));
    }

    @Test
    void onlyThePendingVersionCanBeDeclined() {
        refusedBy(fixture.given(proposed()).when(new DeclineBoundary(AGREEMENT, SAM, BOUNDARY, 2, PrivateText.of(""),
                null)),
                Rule.NOT_THE_PENDING_VERSION);
    }

    @Test
    void anActiveBoundaryWithoutRevisionHasNothingToDecline() {
        refusedBy(fixture.given(active()).when(new DeclineBoundary(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of(""),
                null)),
                Rule.NO_PENDING_VERSION);
    }

    @Test
    void aDeclinedProposalCannotBeAcceptedAnyMore() {
        refusedBy(fixture.given(declined()).when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null)),
                Rule.NO_PENDING_VERSION);
    }

    @Test
    void aDeclinedBoundaryIsNotRevised() {
        refusedBy(fixture.given(declined()).when(new ReviseBoundary(AGREEMENT, ALEX, BOUNDARY, REVISED, null)),
                Rule.NOT_REVISABLE);
    }

    @Test
    void theProposerWithdrawsAPendingProposal() {
        fixture.given(proposed())
                .when(new WithdrawBoundaryProposal(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryProposalWithdrawn(AGREEMENT, ALEX, BOUNDARY, 1));
    }

    @Test
    void onlyTheProposerWithdraws() {
        refusedBy(fixture.given(proposed()).when(new WithdrawBoundaryProposal(AGREEMENT, SAM, BOUNDARY, null)),
                Rule.ONLY_PROPOSER_WITHDRAWS);
    }

    @Test
    void nothingToWithdrawWithoutAPendingVersion() {
        refusedBy(fixture.given(active()).when(new WithdrawBoundaryProposal(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NO_PENDING_VERSION);
    }

    @Test
    void aWithdrawnProposalNeverBecameActive() {
        refusedBy(fixture.given(withdrawn()).when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, PrivateText.of(""),
                null)),
                Rule.NOT_ACTIVE);
    }

    @Test
    void anUnknownBoundaryIsNotThere() {
        notVisible(fixture.given(active())
                .when(new AcceptBoundary(AGREEMENT, SAM, BoundaryId.random(), 1, null)));
    }
}
