package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.DeclineBoundary;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.ReaffirmBoundary;
import org.sharedagreements.kernel.boundary.ReviseBoundary;
import org.sharedagreements.kernel.boundary.WithdrawBoundaryProposal;
import org.sharedagreements.kernel.boundary.WithdrawConsent;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.ReportBreach;

import java.time.Instant;
import java.util.List;

/** Revisions: one pending version at a time next to the version in force, which stays until every partner accepts. */
class RevisionRulesTest extends AgreementFixtureTest {

    private static final BreachId BREACH = BreachId.of("0c0c0c0c-4444-4c5d-9e8f-0a1b2c3d4e5f");

    private static List<Object> revised() {
        return with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED));
    }

    private static List<Object> suspended() {
        return with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("")));
    }

    @Test
    void aRevisionGetsTheNextVersionNumberAndCountsAsTheRevisersAcceptance() {
        fixture.given(active())
                .when(new ReviseBoundary(AGREEMENT, ALEX, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED))
                .expectResultMessagePayload(new CommandReceipt(6, 2));
    }

    @Test
    void theReviserHasAlreadyAcceptedTheRevision() {
        refusedBy(fixture.given(revised()).when(new AcceptBoundary(AGREEMENT, ALEX, BOUNDARY, 2, null)),
                Rule.ALREADY_ACCEPTED);
    }

    @Test
    void revisionStaysPendingUntilEveryPartnerAccepts() {
        fixture.given(with(threesome(), new BoundaryProposed(AGREEMENT, ALEX,
                                BOUNDARY, 1, TERMS), new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryAccepted(AGREEMENT, KIM, BOUNDARY, 1),
                        new BoundaryActivated(AGREEMENT, KIM, BOUNDARY, 1, LATER),
                        new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED)))
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 2, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 2))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theVersionInForceStaysInForceWhileARevisionIsPending() {
        Instant occurred = NOW.minusSeconds(3600);
        fixture.given(revised())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, PrivateText.of("Messaged an ex"),
                        occurred, null))
                .expectEvents(new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false,
                        PrivateText.of("Messaged an ex"),
                        occurred));
    }

    @Test
    void anAcceptedRevisionBecomesTheVersionInForceAndItsReviewReplacesTheOldOne() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null),
                        new ReviseBoundary(AGREEMENT, ALEX, BOUNDARY, REVISED, null))
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 2, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 2, NOW.plus(FOURTEEN_DAYS)))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ReviewDeadline(BOUNDARY, 2, NOW.plus(FOURTEEN_DAYS)))
                .expectNoScheduledDeadline(THIRTY_DAYS, new ReviewDeadline(BOUNDARY, 1, NOW.plus(THIRTY_DAYS)))
                .expectResultMessagePayload(new CommandReceipt(8, null));
    }

    @Test
    void anAcceptedRevisionCompletesAReviewThatWasDue() {
        refusedBy(fixture.given(with(active(), new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, LATER),
                        new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED),
                        new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 2, LATER.plus(FOURTEEN_DAYS))))
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)), Rule.NOTHING_TO_REAFFIRM);
    }

    @Test
    void oneRevisionIsPendingAtATime() {
        refusedBy(fixture.given(revised()).when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, TERMS, null)),
                Rule.REVISION_ALREADY_PENDING);
    }

    @Test
    void aProposalIsNotRevisedBeforeItIsActive() {
        refusedBy(fixture.given(proposed()).when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, REVISED, null)),
                Rule.NOT_REVISABLE);
    }

    @Test
    void aRetiredBoundaryIsNotRevised() {
        refusedBy(fixture.given(with(active(), new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY),
                        new BoundaryRetirementRequested(AGREEMENT, SAM, BOUNDARY), new BoundaryRetired(AGREEMENT, SAM, BOUNDARY)))
                .when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, REVISED, null)), Rule.NOT_REVISABLE);
    }

    @Test
    void aSuspendedBoundaryCanBeRevised() {
        fixture.given(suspended())
                .when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 2, REVISED));
    }

    @Test
    void aDeclinedVersionNumberIsNeverReused() {
        fixture.given(with(revised(), new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 2, PrivateText.of(""))))
                .when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 3, REVISED))
                .expectResultMessagePayload(new CommandReceipt(8, 3));
    }

    @Test
    void aWithdrawnVersionNumberIsNeverReused() {
        fixture.given(with(revised(), new BoundaryProposalWithdrawn(AGREEMENT, ALEX, BOUNDARY, 2)))
                .when(new ReviseBoundary(AGREEMENT, ALEX, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 3, REVISED));
    }

    @Test
    void anyPartnerDeclinesARevision() {
        fixture.given(revised())
                .when(new DeclineBoundary(AGREEMENT, SAM, BOUNDARY, 2, PrivateText.of("Games are fine"), null))
                .expectEvents(new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 2, PrivateText.of("Games are fine")));
    }

    @Test
    void aDeclinedRevisionLeavesTheBoundaryActiveWithItsVersionInForce() {
        fixture.given(with(revised(), new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 2, PrivateText.of(""))))
                .when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, PrivateText.of(""), null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("")));
    }

    @Test
    void theReviserWithdrawsAPendingRevision() {
        fixture.given(revised())
                .when(new WithdrawBoundaryProposal(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryProposalWithdrawn(AGREEMENT, ALEX, BOUNDARY, 2));
    }

    @Test
    void onlyTheReviserWithdrawsARevision() {
        refusedBy(fixture.given(revised()).when(new WithdrawBoundaryProposal(AGREEMENT, SAM, BOUNDARY, null)),
                Rule.ONLY_PROPOSER_WITHDRAWS);
    }

    @Test
    void aWithdrawnRevisionLeavesASuspendedBoundarySuspended() {
        refusedBy(fixture.given(with(suspended(), new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 2, REVISED),
                        new BoundaryProposalWithdrawn(AGREEMENT, SAM, BOUNDARY, 2)))
                .when(new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, PrivateText.of(""), null)),
                        Rule.ALREADY_SUSPENDED);
    }

    @Test
    void anAcceptedRevisionOfASuspendedBoundaryActivatesIt() {
        fixture.given(with(suspended(), new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 2, REVISED)))
                .andGivenCurrentTime(NOW)
                .when(new AcceptBoundary(AGREEMENT, ALEX, BOUNDARY, 2, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, ALEX, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, ALEX, BOUNDARY, 2, NOW.plus(FOURTEEN_DAYS)))
                .expectScheduledDeadline(FOURTEEN_DAYS, new ReviewDeadline(BOUNDARY, 2, NOW.plus(FOURTEEN_DAYS)));
    }

    @Test
    void aSuspendedBoundaryIsActiveAgainOnceItsRevisionIsActivated() {
        fixture.given(with(suspended(), new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 2, REVISED),
                        new BoundaryAccepted(AGREEMENT, ALEX, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, ALEX, BOUNDARY, 2, LATER)))
                .when(new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, PrivateText.of(""), null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, ALEX, BOUNDARY, 2, PrivateText.of("")));
    }
}
