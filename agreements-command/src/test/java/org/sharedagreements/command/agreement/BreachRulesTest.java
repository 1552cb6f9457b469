package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.AcknowledgeBreach;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachResolutionConfirmed;
import org.sharedagreements.kernel.breach.BreachResolved;
import org.sharedagreements.kernel.breach.ConfirmBreachResolution;
import org.sharedagreements.kernel.breach.ReportBreach;
import org.sharedagreements.kernel.membership.PartnerInvited;

import java.time.Instant;
import java.util.List;

/** Breaches of an active boundary: reported or self-disclosed, acknowledged by who broke it, resolved by all. */
class BreachRulesTest extends AgreementFixtureTest {

    private static final Instant OCCURRED = Instant.parse("2026-11-25T21:30:00Z");
    private static final BreachId BREACH = BreachId.of("0d0d0d0d-5555-4c5d-9e8f-0a1b2c3d4e5f");

    private static List<Object> reported() {
        return with(active(), new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false, PrivateText.of("d"),
                OCCURRED));
    }

    private static List<Object> selfDisclosed() {
        return with(active(), new BoundaryBroken(AGREEMENT, SAM, BREACH, BOUNDARY, 1, SAM, true, PrivateText.of("d"),
                OCCURRED));
    }

    private static List<Object> acknowledged() {
        return with(reported(), new BreachAcknowledged(AGREEMENT, SAM, BREACH));
    }

    private static List<Object> resolved() {
        return with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, PrivateText.of("")),
                new BreachResolutionConfirmed(AGREEMENT, SAM, BREACH, PrivateText.of("")),
                        new BreachResolved(AGREEMENT, SAM, BREACH));
    }

    private static ReportBreach report(PartnerId breachedBy, Instant at) {
        return new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, breachedBy, PrivateText.of("d"), at, null);
    }

    @Test
    void anyPartnerReportsABreachOfAnActiveBoundaryNamingWhoBrokeIt() {
        fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BOUNDARY, SAM, PrivateText.of("Messaged an ex"),
                        OCCURRED, null))
                .expectEvents(new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false,
                        PrivateText.of("Messaged an ex"),
                        OCCURRED))
                .expectResultMessagePayload(new CommandReceipt(6, null));
    }

    @Test
    void aBreachReportedByTheOneWhoBrokeItIsASelfDisclosure() {
        fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, SAM, BREACH, BOUNDARY, SAM, PrivateText.of("I messaged an ex"),
                        OCCURRED, null))
                .expectEvents(new BoundaryBroken(AGREEMENT, SAM, BREACH, BOUNDARY, 1, SAM, true,
                        PrivateText.of("I messaged an ex"),
                        OCCURRED));
    }

    @Test
    void aSelfDisclosureIsItsOwnAcknowledgement() {
        refusedBy(fixture.given(selfDisclosed()).when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null)),
                Rule.BREACH_ALREADY_ACKNOWLEDGED);
    }

    @Test
    void aSelfDisclosedBreachCanBeResolvedStraightAway() {
        fixture.given(selfDisclosed())
                .when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH, PrivateText.of("Thank you for telling me"),
                        null))
                .expectEvents(new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH,
                        PrivateText.of("Thank you for telling me")));
    }

    @Test
    void onlyAnActiveBoundaryCanBeBroken() {
        refusedBy(fixture.given(with(active(), new ConsentWithdrawn(AGREEMENT, SAM, BOUNDARY, 1, PrivateText.of(""))))
                .andGivenCurrentTime(NOW)
                .when(report(SAM, OCCURRED)), Rule.NOT_ACTIVE);
    }

    @Test
    void aProposalCannotBeBroken() {
        refusedBy(fixture.given(proposed()).andGivenCurrentTime(NOW).when(report(SAM, OCCURRED)), Rule.NOT_ACTIVE);
    }

    @Test
    void aBreachNamesAPartner() {
        refusedBy(fixture.given(active()).andGivenCurrentTime(NOW).when(report(STRANGER, OCCURRED)),
                Rule.BREACHED_BY_NOT_A_PARTNER);
    }

    @Test
    void aBreachNamesAPartnerWhoJoinedNotAnInvitee() {
        refusedBy(fixture.given(with(active(), new PartnerInvited(AGREEMENT, ALEX, KIM)))
                .andGivenCurrentTime(NOW)
                .when(report(KIM, OCCURRED)), Rule.BREACHED_BY_NOT_A_PARTNER);
    }

    @Test
    void aBreachCannotHaveOccurredInTheFuture() {
        refusedBy(fixture.given(active()).andGivenCurrentTime(NOW).when(report(SAM, NOW.plusSeconds(60))),
                Rule.OCCURRED_IN_FUTURE);
    }

    @Test
    void aBreachMayHaveOccurredJustNow() {
        fixture.given(active())
                .andGivenCurrentTime(NOW)
                .when(report(SAM, NOW))
                .expectEvents(new BoundaryBroken(AGREEMENT, ALEX, BREACH, BOUNDARY, 1, SAM, false, PrivateText.of("d"),
                        NOW));
    }

    @Test
    void aBreachIdIsUsedOnce() {
        refusedBy(fixture.given(reported()).andGivenCurrentTime(NOW).when(report(SAM, OCCURRED)),
                Rule.BREACH_ALREADY_EXISTS);
    }

    @Test
    void theBreachingPartnerAcknowledges() {
        fixture.given(reported())
                .when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null))
                .expectEvents(new BreachAcknowledged(AGREEMENT, SAM, BREACH))
                .expectResultMessagePayload(new CommandReceipt(7, null));
    }

    @Test
    void onlyTheBreachingPartnerAcknowledges() {
        refusedBy(fixture.given(reported()).when(new AcknowledgeBreach(AGREEMENT, ALEX, BREACH, null)),
                Rule.ONLY_BREACHING_PARTNER_ACKNOWLEDGES);
    }

    @Test
    void aBreachIsAcknowledgedOnce() {
        refusedBy(fixture.given(acknowledged()).when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null)),
                Rule.BREACH_ALREADY_ACKNOWLEDGED);
    }

    @Test
    void aResolvedBreachIsNotAcknowledgedAgain() {
        refusedBy(fixture.given(resolved()).when(new AcknowledgeBreach(AGREEMENT, SAM, BREACH, null)),
                Rule.BREACH_ALREADY_RESOLVED);
    }

    @Test
    void aBreachIsResolvedOnlyAfterItWasAcknowledged() {
        refusedBy(fixture.given(reported()).when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH,
                PrivateText.of(""), null)),
                Rule.BREACH_NOT_ACKNOWLEDGED);
    }

    @Test
    void oneConfirmationDoesNotResolveABreach() {
        fixture.given(acknowledged())
                .when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH, PrivateText.of("We talked"), null))
                .expectEvents(new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, PrivateText.of("We talked")));
    }

    @Test
    void aBreachIsResolvedWhenEveryPartnerConfirmed() {
        fixture.given(with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH, PrivateText.of(""))))
                .when(new ConfirmBreachResolution(AGREEMENT, SAM, BREACH, PrivateText.of(""), null))
                .expectEvents(new BreachResolutionConfirmed(AGREEMENT, SAM, BREACH, PrivateText.of("")),
                        new BreachResolved(AGREEMENT, SAM, BREACH))
                .expectResultMessagePayload(new CommandReceipt(10, null));
    }

    @Test
    void aPartnerConfirmsOnce() {
        refusedBy(fixture.given(with(acknowledged(), new BreachResolutionConfirmed(AGREEMENT, ALEX, BREACH,
                PrivateText.of(""))))
                .when(new ConfirmBreachResolution(AGREEMENT, ALEX, BREACH, PrivateText.of(""), null)),
                        Rule.ALREADY_CONFIRMED_RESOLUTION);
    }

    @Test
    void aResolvedBreachStaysResolved() {
        refusedBy(fixture.given(resolved()).when(new ConfirmBreachResolution(AGREEMENT, SAM, BREACH,
                PrivateText.of(""), null)),
                Rule.BREACH_ALREADY_RESOLVED);
    }

    @Test
    void anUnknownBreachIsNotThere() {
        notVisible(fixture.given(reported()).when(new AcknowledgeBreach(AGREEMENT, SAM, BreachId.random(), null)));
    }

    @Test
    void aBreachOfAnUnknownBoundaryIsNotThere() {
        notVisible(fixture.given(active()).andGivenCurrentTime(NOW)
                .when(new ReportBreach(AGREEMENT, ALEX, BREACH, BoundaryId.random(), SAM,
                        PrivateText.of("d"), OCCURRED, null)));
    }
}
