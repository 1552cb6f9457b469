package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.ReaffirmBoundary;
import org.sharedagreements.kernel.boundary.WithdrawConsent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Consent is withdrawn unilaterally and at once; reaffirmation by every partner reinstates and reviews. */
class ConsentAndReviewTest extends AgreementFixtureTest {

    private static final Instant DUE = NOW.plus(THIRTY_DAYS);

    private static List<Object> suspended() {
        return with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("")));
    }

    private static List<Object> dueForReview() {
        return with(active(), new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, LATER));
    }

    @Test
    void anyPartnerWithdrawsConsentAtOnce() {
        fixture.given(active())
                .when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, PrivateText.of("I need time"), null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of("I need time")))
                .expectResultMessagePayload(new CommandReceipt(6, null));
    }

    @Test
    void consentIsWithdrawnOnce() {
        refusedBy(fixture.given(suspended()).when(new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, PrivateText.of(""),
                null)),
                Rule.ALREADY_SUSPENDED);
    }

    @Test
    void consentToAProposalThatIsNotActiveCannotBeWithdrawn() {
        refusedBy(fixture.given(proposed()).when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, PrivateText.of(""),
                null)),
                Rule.NOT_ACTIVE);
    }

    @Test
    void aSuspendedBoundaryStaysSuspendedUntilEveryPartnerReaffirms() {
        fixture.given(suspended())
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1));
    }

    @Test
    void aSuspendedBoundaryIsActiveAgainWhenEveryPartnerReaffirmed() {
        fixture.given(with(suspended(), new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1)))
                .when(new ReaffirmBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryReinstated(AGREEMENT, SAM, BOUNDARY, 1))
                .expectResultMessagePayload(new CommandReceipt(9, null));
    }

    @Test
    void aReinstatedBoundaryCanBeSuspendedAgain() {
        fixture.given(with(suspended(), new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1),
                        new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1), new BoundaryReinstated(AGREEMENT, SAM, BOUNDARY, 1)))
                .when(new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, PrivateText.of(""), null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, ALEX, BOUNDARY, 1, PrivateText.of("")));
    }

    @Test
    void aPartnerReaffirmsOnce() {
        refusedBy(fixture.given(with(suspended(), new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1)))
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)), Rule.ALREADY_REAFFIRMED);
    }

    @Test
    void anActiveBoundaryNotDueForReviewHasNothingToReaffirm() {
        refusedBy(fixture.given(active()).when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NOTHING_TO_REAFFIRM);
    }

    @Test
    void aProposalHasNothingToReaffirm() {
        refusedBy(fixture.given(proposed()).when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)),
                Rule.NOTHING_TO_REAFFIRM);
    }

    @Test
    void aBoundaryFallsDueForReviewWhenItsReviewPeriodRunsOut() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .whenTimeElapses(THIRTY_DAYS)
                .expectTriggeredDeadlines(new ReviewDeadline(BOUNDARY, 1, DUE))
                .expectTriggeredDeadlinesWithName(ReviewDeadline.NAME)
                .expectEvents(new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, DUE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSuspendedBoundaryFallsDueForReviewToo() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null),
                        new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, PrivateText.of(""), null))
                .whenTimeElapses(THIRTY_DAYS)
                .expectEvents(new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, DUE));
    }

    @Test
    void aBoundaryIsNotDueBeforeItsReviewPeriodRunsOut() {
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .whenTimeElapses(THIRTY_DAYS.minusDays(1))
                .expectNoEvents()
                .expectTriggeredDeadlines()
                .expectScheduledDeadline(Duration.ofDays(1), new ReviewDeadline(BOUNDARY, 1, DUE));
    }

    @Test
    void aStaleReviewDeadlineChangesNothing() {
        // the revision was activated by events that recorded no deadline id, so the old deadline was not cancelled
        fixture.given(proposed())
                .andGivenCurrentTime(NOW)
                .andGivenCommands(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 1, null))
                .andGiven(new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED),
                        new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 2, NOW.plus(FOURTEEN_DAYS)))
                .whenTimeElapses(THIRTY_DAYS)
                .expectTriggeredDeadlines(new ReviewDeadline(BOUNDARY, 1, DUE))
                .expectNoEvents();
    }

    @Test
    void aReviewStaysDueUntilEveryPartnerReaffirmed() {
        fixture.given(dueForReview())
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDueBoundaryIsReviewedWhenEveryPartnerReaffirmedAndTheNextReviewIsScheduled() {
        fixture.given(with(dueForReview(), new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1)))
                .andGivenCurrentTime(NOW)
                .when(new ReaffirmBoundary(AGREEMENT, SAM, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryReviewed(AGREEMENT, SAM, BOUNDARY, 1, DUE))
                .expectScheduledDeadline(THIRTY_DAYS, new ReviewDeadline(BOUNDARY, 1, DUE))
                .expectResultMessagePayload(new CommandReceipt(9, null));
    }

    @Test
    void aReviewedBoundaryHasNothingToReaffirmUntilTheNextReview() {
        refusedBy(fixture.given(with(dueForReview(), new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1),
                        new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1),
                        new BoundaryReviewed(AGREEMENT, SAM, BOUNDARY, 1, DUE)))
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null)), Rule.NOTHING_TO_REAFFIRM);
    }

    @Test
    void oneReaffirmationByEveryPartnerBothReinstatesAndReviews() {
        fixture.given(with(suspended(), new BoundaryReviewDue(AGREEMENT, null, BOUNDARY, 1, LATER),
                        new BoundaryReaffirmed(AGREEMENT, SAM, BOUNDARY, 1)))
                .andGivenCurrentTime(NOW)
                .when(new ReaffirmBoundary(AGREEMENT, ALEX, BOUNDARY, null))
                .expectEvents(new BoundaryReaffirmed(AGREEMENT, ALEX, BOUNDARY, 1),
                        new BoundaryReinstated(AGREEMENT, ALEX, BOUNDARY, 1),
                        new BoundaryReviewed(AGREEMENT, ALEX, BOUNDARY, 1, DUE))
                .expectScheduledDeadline(THIRTY_DAYS, new ReviewDeadline(BOUNDARY, 1, DUE));
    }
}
