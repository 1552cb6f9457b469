package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.AgreementErased;
import org.sharedagreements.kernel.membership.EndReason;
import org.sharedagreements.kernel.membership.EraseAgreement;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;

class ErasureRulesTest extends AgreementFixtureTest {

    @Test
    void anyPartnerErasesTheAgreementsContent() {
        fixture.given(active())
                .when(new EraseAgreement(AGREEMENT, SAM, null))
                .expectEvents(new AgreementErased(AGREEMENT, SAM));
    }

    /** Its user ids no longer open once the key is gone, so an erased agreement knows nobody: a stranger's 404. */
    @Test
    void nothingChangesInAnErasedAgreementAndItsPartnersAreStrangersToIt() {
        notVisible(fixture.given(with(active(), new AgreementErased(AGREEMENT, SAM)))
                .when(new RaiseRedFlag(AGREEMENT, ALEX, RedFlagId.random(), RedFlagIndicator.STRESS,
                        PrivateText.of(""), null)));
    }

    @Test
    void anAgreementIsErasedOnce() {
        notVisible(fixture.given(with(active(), new AgreementErased(AGREEMENT, SAM)))
                .when(new EraseAgreement(AGREEMENT, ALEX, null)));
    }

    @Test
    void theErasingPartnerIsAStrangerToItToo() {
        notVisible(fixture.given(with(active(), new AgreementErased(AGREEMENT, SAM)))
                .when(new EraseAgreement(AGREEMENT, SAM, null)));
    }

    @Test
    void anEndedAgreementCanStillBeErasedEvenByThePartnerWhoLeft() {
        fixture.given(with(active(), new PartnerLeft(AGREEMENT, SAM),
                        new AgreementEnded(AGREEMENT, SAM, EndReason.PARTNER_LEFT)))
                .when(new EraseAgreement(AGREEMENT, SAM, null))
                .expectEvents(new AgreementErased(AGREEMENT, SAM));
    }

    @Test
    void aStrangerCannotErase() {
        notVisible(fixture.given(active()).when(new EraseAgreement(AGREEMENT, STRANGER, null)));
    }
}
