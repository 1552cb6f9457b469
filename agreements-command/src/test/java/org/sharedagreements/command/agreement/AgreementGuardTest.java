package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.boundary.ProposeBoundary;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.EndReason;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.LeaveAgreement;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;

import java.util.List;

/** What every command on an existing agreement must pass first: visibility, then an ended agreement, then If-Match. */
class AgreementGuardTest extends AgreementFixtureTest {

    private static List<Object> ended() {
        return with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM), new PartnerLeft(AGREEMENT, SAM),
                new AgreementEnded(AGREEMENT, SAM, EndReason.PARTNER_LEFT));
    }

    private static RaiseRedFlag raisedBy(PartnerId caller, Long expectedVersion) {
        return new RaiseRedFlag(AGREEMENT, caller, RedFlagId.of("0f0f0f0f-3333-4c5d-9e8f-0a1b2c3d4e5f"),
                RedFlagIndicator.STRESS, PrivateText.of(""), expectedVersion);
    }

    @Test
    void aStrangerCannotSeeTheAgreement() {
        notVisible(fixture.given(couple()).when(new InvitePartner(AGREEMENT, STRANGER, KIM, null)));
    }

    @Test
    void someoneNotInvitedCannotJoinOrEvenSeeTheAgreement() {
        notVisible(fixture.given(couple()).when(new JoinAgreement(AGREEMENT, STRANGER, null)));
    }

    @Test
    void anInviteeSeesNothingUntilJoining() {
        notVisible(fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM)).when(raisedBy(SAM, null)));
    }

    @Test
    void aPartnerWhoLeftIsNoLongerAPartner() {
        notVisible(fixture.given(ended()).when(raisedBy(SAM, null)));
    }

    @Test
    void aStrangerLearnsNothingAboutAnEndedAgreement() {
        notVisible(fixture.given(ended()).when(raisedBy(STRANGER, null)));
    }

    @Test
    void nothingChangesInAnEndedAgreement() {
        refusedBy(fixture.given(ended()).when(new ProposeBoundary(AGREEMENT, ALEX, BoundaryId.random(), TERMS, null)),
                Rule.AGREEMENT_ENDED);
    }

    @Test
    void anInviteeCannotJoinAnEndedAgreement() {
        refusedBy(fixture.given(ended()).when(new JoinAgreement(AGREEMENT, KIM, null)), Rule.AGREEMENT_ENDED);
    }

    @Test
    void anEndedAgreementIsNotLeftAgain() {
        refusedBy(fixture.given(ended()).when(new LeaveAgreement(AGREEMENT, ALEX, null)), Rule.AGREEMENT_ENDED);
    }

    @Test
    void anEndedAgreementWinsOverAStaleVersion() {
        refusedBy(fixture.given(ended()).when(raisedBy(ALEX, 1L)), Rule.AGREEMENT_ENDED);
    }

    @Test
    void aStrangerWithAStaleVersionStillSeesNothing() {
        notVisible(fixture.given(couple()).when(raisedBy(STRANGER, 1L)));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(couple())
                .when(raisedBy(ALEX, 1L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void anExpectedVersionAheadOfTheAgreementIsRefusedToo() {
        fixture.given(couple())
                .when(raisedBy(ALEX, 7L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(couple())
                .when(raisedBy(ALEX, 2L))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CommandReceipt(3, null));
    }
}
