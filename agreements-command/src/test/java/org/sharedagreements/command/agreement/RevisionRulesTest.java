package org.sharedagreements.command.agreement;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.boundary.AcceptBoundary;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.ReviseBoundary;
import org.sharedagreements.kernel.boundary.WithdrawConsent;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.ReportBreach;

import java.time.Duration;
import java.time.Instant;

class RevisionRulesTest extends AgreementFixtureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final BreachId BREACH = BreachId.of("0c0c0c0c-4444-4c5d-9e8f-0a1b2c3d4e5f");

    @Test
    void aRevisionGetsTheNextVersionNumberAndCountsAsTheRevisersAcceptance() {
        fixture.given(active())
                .when(new ReviseBoundary(AGREEMENT, ALEX, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED))
                .expectResultMessagePayload(new CommandReceipt(6, 2));
    }

    @Test
    void revisionStaysPendingUntilEveryPartnerAcceptsAndTheVersionInForceStays() {
        Instant occurred = Instant.parse("2026-11-20T20:00:00Z");
        fixture.given(with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED)))
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, "Messaged an ex", occurred, null))
                .expectEvents(new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false, "Messaged an ex",
                        occurred));
    }

    @Test
    void anAcceptedRevisionBecomesTheVersionInForce() {
        fixture.given(with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED)))
                .andGivenCurrentTime(NOW)
                .when(new AcceptBoundary(AGREEMENT, SAM, BOUNDARY, 2, null))
                .expectEvents(new BoundaryAccepted(AGREEMENT, SAM, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, SAM, BOUNDARY, 2, NOW.plus(Duration.ofDays(14))))
                .expectScheduledDeadline(Duration.ofDays(14), new ReviewDeadline(BOUNDARY, 2, NOW.plus(Duration.ofDays(14))));
    }

    @Test
    void oneRevisionIsPendingAtATime() {
        refusedBy(fixture.given(with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED)))
                .when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, TERMS, null)), Rule.REVISION_ALREADY_PENDING);
    }

    @Test
    void onlyAnActiveOrSuspendedBoundaryIsRevised() {
        refusedBy(fixture.given(proposed()).when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, REVISED, null)),
                Rule.NOT_REVISABLE);
    }

    @Test
    void aDeclinedVersionNumberIsNeverReused() {
        fixture.given(with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED),
                        new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 2, "")))
                .when(new ReviseBoundary(AGREEMENT, SAM, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 3, REVISED));
    }

    @Test
    void aWithdrawnVersionNumberIsNeverReused() {
        fixture.given(with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED),
                        new BoundaryProposalWithdrawn(AGREEMENT, ALEX, BOUNDARY, 2)))
                .when(new ReviseBoundary(AGREEMENT, ALEX, BOUNDARY, REVISED, null))
                .expectEvents(new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 3, REVISED));
    }

    @Test
    void aDeclinedRevisionLeavesTheBoundaryActive() {
        fixture.given(with(active(), new BoundaryRevised(AGREEMENT, ALEX, BOUNDARY, 2, REVISED),
                        new BoundaryDeclined(AGREEMENT, SAM, BOUNDARY, 2, "")))
                .when(new WithdrawConsent(AGREEMENT, SAM, BOUNDARY, "", null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, ""));
    }

    @Test
    void anAcceptedRevisionOfASuspendedBoundaryMakesItActiveAgain() {
        fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, ""),
                        new BoundaryRevised(AGREEMENT, SAM, BOUNDARY, 2, REVISED),
                        new BoundaryAccepted(AGREEMENT, ALEX, BOUNDARY, 2),
                        new BoundaryActivated(AGREEMENT, ALEX, BOUNDARY, 2, LATER)))
                .when(new WithdrawConsent(AGREEMENT, ALEX, BOUNDARY, "", null))
                .expectEvents(new ConsentWithdrawn(AGREEMENT, ALEX, BOUNDARY, 2, ""));
    }
}
