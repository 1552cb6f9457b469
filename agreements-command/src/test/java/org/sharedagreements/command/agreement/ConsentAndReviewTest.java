package org.sharedagreements.command.agreement;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.ReaffirmBoundary;
import org.sharedagreements.kernel.boundary.RetireBoundary;
import org.sharedagreements.kernel.boundary.WithdrawConsent;

import java.time.Duration;
import java.time.Instant;

class ConsentAndReviewTest extends AgreementFixtureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(30));

    @Test
    void anyPartnerWithdrawsConsentAtOnce() {
        fixture.given(active())
                .when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, "I need time", null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, "I need time"));
    }

    @Test
    void consentIsWithdrawnOnce() {
        refusedBy(fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, "")))
                .when(new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, "", null)), Rule.ALREADY_SUSPENDED);
    }

    @Test
    void consentToAProposalThatIsNotActiveCannotBeWithdrawn() {
        refusedBy(fixture.given(proposed()).when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, "", null)),
                Rule.NOT_ACTIVE);
    }

    @Test
    void aSuspendedBoundaryStaysSuspendedUntilEveryPartnerReaffirms() {
        fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, "")))
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1));
    }

    @Test
    void aSuspendedBoundaryIsActiveAgainWhenEveryPartnerReaffirmed() {
        fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, ""),
                        new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1)))
                .when(new ReaffirmBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryReinstated(AGREEMENT, SAM, BOUNDARY, 1));
    }

    @Test
    void aPartnerReaffirmsOnce() {
        refusedBy(fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, ""),
                        new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1)))
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)), Rule.ALREADY_REAFFIRMED);
    }

    @Test
    void anActiveBoundaryNotDueForReviewHasNothingToReaffirm() {
        refusedBy(fixture.given(active()).when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NOTHING_TO_REAFFIRM);
    }

    @Test
    void aBoundaryFallsDueForReviewWhenItsReviewPeriodRunsOut() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .whenTimeElapses(Duration.ofDays(30))
                .expectDeadlinesMet(new ReviewDeadline(BOUNDARY, 1, DUE))
                .expectEvents(new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, DUE));
    }

    @Test
    void aBoundaryIsNotDueBeforeItsReviewPeriodRunsOut() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .whenTimeElapses(Duration.ofDays(29))
                .expectNoEvents()
                .expectScheduledDeadline(Duration.ofDays(1), new ReviewDeadline(BOUNDARY, 1, DUE));
    }

    @Test
    void aRetiredBoundaryIsNeverDueForReview() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null),
                        new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null),
                        new RetireBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .whenTimeElapses(Duration.ofDays(31))
                .expectNoEvents();
    }

    @Test
    void aDueBoundaryIsReviewedWhenEveryPartnerReaffirmedAndTheNextReviewIsScheduled() {
        fixture.given(with(active(), new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, LATER),
                        new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1)))
                .andGivenCurrentTime(NOW)
                .when(new ReaffirmBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryReviewed(AGREEMENT, SAM, BOUNDARY, 1, DUE))
                .expectScheduledDeadline(Duration.ofDays(30), new ReviewDeadline(BOUNDARY, 1, DUE));
    }

    @Test
    void retirementNeedsEveryPartnerToAsk() {
        fixture.given(active())
                .when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY));
    }

    @Test
    void aBoundaryIsRetiredWhenEveryPartnerAsked() {
        fixture.given(with(active(), new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY)))
                .when(new RetireBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .expectEvents(new BoundaryRetirementRequested(AGREEMENT, SAM, BOUNDARY),
                        new BoundaryRetired(AGREEMENT, SAM, BOUNDARY));
    }

    @Test
    void aPartnerAsksToRetireOnce() {
        refusedBy(fixture.given(with(active(), new BoundaryRetirementRequested(AGREEMENT, ALEX, BOUNDARY)))
                .when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null)), Rule.ALREADY_ASKED_TO_RETIRE);
    }

    @Test
    void onlyAnActiveOrSuspendedBoundaryIsRetired() {
        refusedBy(fixture.given(proposed()).when(new RetireBoundary(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NOT_RETIRABLE);
    }
}
