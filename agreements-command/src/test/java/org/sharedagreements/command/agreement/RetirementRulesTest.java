package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.RetireBoundary;

import java.util.List;

/** A boundary in force is retired when every partner asked; its pending revision and its review go with it. */
class RetirementRulesTest extends AgreementFixtureTest {

    private static List<Object> retired() {
        return with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED),
                new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY),
                new BoundaryRetirementRequested(AGREEMENT, SAM, BOUNDARY), new BoundaryRetired(AGREEMENT, SAM, BOUNDARY));
    }

    @Test
    void retirementNeedsEveryPartnerToAsk() {
        fixture.given(active())
                .when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY));
    }

    @Test
    void aBoundaryIsRetiredWhenEveryPartnerAskedAndItsReviewIsCancelled() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null),
                        new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .when(new RetireBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .expectEvents(new BoundaryRetirementRequested(AGREEMENT, SAM, BOUNDARY),
                        new BoundaryRetired(AGREEMENT, SAM, BOUNDARY))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRetiredBoundaryIsNeverDueForReview() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null),
                        new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null),
                        new RetireBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .whenTimeElapses(THIRTY_DAYS.plusDays(1))
                .expectTriggeredDeadlines()
                .expectNoEvents();
    }

    @Test
    void aSuspendedBoundaryCanBeRetired() {
        fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("")),
                        new BoundaryRetirementRequested(AGREEMENT, SAM, BOUNDARY)))
                .when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY),
                        new BoundaryRetired(AGREEMENT, ALEX, BOUNDARY));
    }

    @Test
    void retiringDropsAPendingRevision() {
        refusedBy(fixture.given(retired()).when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 2, null)),
                Rule.NO_PENDING_VERSION);
    }

    @Test
    void aPartnerAsksToRetireOnce() {
        refusedBy(fixture.given(with(active(), new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY)))
                .when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null)), Rule.ALREADY_ASKED_TO_RETIRE);
    }

    @Test
    void aProposalIsNotRetired() {
        refusedBy(fixture.given(proposed()).when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NOT_RETIRABLE);
    }

    @Test
    void aRetiredBoundaryIsNotRetiredAgain() {
        refusedBy(fixture.given(retired()).when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NOT_RETIRABLE);
    }
}
