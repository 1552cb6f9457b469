package org.sharedagreements.command.agreement;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.AcknowledgeBreach;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.breach.ConfirmBreachResolution;
import org.sharedagreements.kernel.breach.ReportBreach;

import java.time.Instant;
import java.util.List;

class BreachRulesTest extends AgreementFixtureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant OCCURRED = Instant.parse("2026-11-25T21:30:00Z");
    private static final BreachId BREACH = BreachId.of("0d0d0d0d-5555-4c5d-9e8f-0a1b2c3d4e5f");

    private static List<Object> reported() {
        return with(active(), new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false, "d", OCCURRED));
    }

    private static List<Object> acknowledged() {
        return with(reported(), new BreachAcknowledged(AGREEMENT, SAM, BREACH));
    }

    @Test
    void anyPartnerReportsABreachOfAnActiveBoundaryNamingWhoBrokeIt() {
        fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, "Messaged an ex", OCCURRED, null))
                .expectEvents(new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false, "Messaged an ex",
                        OCCURRED));
    }

    @Test
    void aBreachReportedByTheOneWhoBrokeItIsASelfDisclosure() {
        fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, SAM, BREACH, BOUNDARY, SAM, "I messaged an ex", OCCURRED, null))
                .expectEvents(new BoundaryBroken(AGREEMENT, SAM, BREACH, BOUNDARY, 1, SAM, true, "I messaged an ex",
                        OCCURRED));
    }

    @Test
    void aSelfDisclosureIsItsOwnAcknowledgement() {
        refusedBy(fixture.given(with(active(), new BoundaryBroken(AGREEMENT, SAM, BREACH, BOUNDARY, 1, SAM, true, "d",
                        OCCURRED)))
                .when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null)), Rule.BREACH_ALREADY_ACKNOWLEDGED);
    }

    @Test
    void onlyAnActiveBoundaryCanBeBroken() {
        refusedBy(fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, "")))
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, "d", OCCURRED, null)), Rule.NOT_ACTIVE);
    }

    @Test
    void aBreachNamesAPartner() {
        refusedBy(fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, STRANGER, "d", OCCURRED, null)),
                Rule.BREACHED_BY_NOT_A_PARTNER);
    }

    @Test
    void aBreachCannotHaveOccurredInTheFuture() {
        refusedBy(fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, "d", NOW.plusSeconds(60), null)),
                Rule.OCCURRED_IN_FUTURE);
    }

    @Test
    void aBreachIdIsUsedOnce() {
        refusedBy(fixture.given(reported())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, "d", OCCURRED, null)),
                Rule.BREACH_ALREADY_EXISTS);
    }

    @Test
    void theBreachingPartnerAcknowledges() {
        fixture.given(reported())
                .when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null))
                .expectEvents(new BreachAcknowledged(AGREEMENT, SAM, BREACH));
    }

    @Test
    void onlyTheBreachingPartnerAcknowledges() {
        refusedBy(fixture.given(reported()).when(new AcknowledgeBreach(AGREEMENT, ALEX, BREACH, null)),
                Rule.ONLY_BREACHING_PARTNER_ACKNOWLEDGES);
    }

    @Test
    void aBreachIsResolvedOnlyAfterItWasAcknowledged() {
        refusedBy(fixture.given(reported()).when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH, "", null)),
                Rule.BREACH_NOT_ACKNOWLEDGED);
    }

    @Test
    void oneConfirmationDoesNotResolveABreach() {
        fixture.given(acknowledged())
                .when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH, "We talked", null))
                .expectEvents(new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, "We talked"));
    }

    @Test
    void aBreachIsResolvedWhenEveryPartnerConfirmed() {
        fixture.given(with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, "")))
                .when(new ConfirmBreachResolution(AGREEMENT, SAM, BREACH, "", null))
                .expectEvents(new BreachResolutionConfirmed(AGREEMENT, SAM, BREACH, ""),
                        new BreachResolved(AGREEMENT, SAM, BREACH));
    }

    @Test
    void aPartnerConfirmsOnce() {
        refusedBy(fixture.given(with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, "")))
                .when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH, "", null)), Rule.ALREADY_CONFIRMED_RESOLUTION);
    }

    @Test
    void aResolvedBreachStaysResolved() {
        List<Object> resolved = with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, ""),
                new BreachResolutionConfirmed(AGREEMENT, SAM, BREACH, ""), new BreachResolved(AGREEMENT, SAM, BREACH));
        refusedBy(fixture.given(resolved).when(new ConfirmBreachResolution(AGREEMENT, SAM, BREACH, "", null)),
                Rule.BREACH_ALREADY_RESOLVED);
    }

    @Test
    void aResolvedBreachIsNotAcknowledgedAgain() {
        List<Object> resolved = with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, ""),
                new BreachResolutionConfirmed(AGREEMENT, SAM, BREACH, ""), new BreachResolved(AGREEMENT, SAM, BREACH));
        refusedBy(fixture.given(resolved).when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null)),
                Rule.BREACH_ALREADY_RESOLVED);
    }

    @Test
    void anUnknownBreachIsNotThere() {
        notVisible(fixture.given(reported()).when(new AcknowledgeBreach(AGREEMENT, SAM, BreachId.random(), null)));
    }
}
