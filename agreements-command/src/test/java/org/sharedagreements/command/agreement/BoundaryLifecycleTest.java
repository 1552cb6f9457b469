package org.sharedagreements.command.agreement;

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
import org.sharedagreements.kernel.boundary.WithdrawBoundaryProposal;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;

import java.time.Duration;
import java.time.Instant;

class BoundaryLifecycleTest extends AgreementFixtureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

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
                .expectResultMessagePayload(new CommandReceipt(3, 1));
    }

    @Test
    void aBoundaryIdIsUsedOnce() {
        refusedBy(fixture.given(proposed()).when(new ProposeBoundary(AGREEMENT, SAM, BOUNDARY, TERMS, null)),
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
                        new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 1, NOW.plus(Duration.ofDays(30))))
                .expectScheduledDeadline(Duration.ofDays(30),
                        new ReviewDeadline(BOUNDARY, 1, NOW.plus(Duration.ofDays(30))))
                .expectResultMessagePayload(new CommandReceipt(5, null));
    }

    @Test
    void withThreePartnersTwoAcceptancesAreNotEnough() {
        fixture.given(with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM), new PartnerJoined(AGREEMENT, KIM),
                        new BoundaryProposed(AGREEMENT, ALEX, BOUNDARY, 1, TERMS)))
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1))
                .expectNoScheduledDeadlines();
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
                .when(new DeclineBoundary(AGREEMENT, SAM, BOUNDARY, 1, "Not yet", null))
                .expectEvents(new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 1, "Not yet"));
    }

    @Test
    void aDeclinedProposalCannotBeAcceptedAnyMore() {
        refusedBy(fixture.given(with(proposed(), new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 1, "")))
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null)), Rule.NO_PENDING_VERSION);
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
    void anUnknownBoundaryIsNotThere() {
        notVisible(fixture.given(active())
                .when(new AcceptBoundary(AGREEMENT, SAM, BoundaryId.random(), 1, null)));
    }
}
