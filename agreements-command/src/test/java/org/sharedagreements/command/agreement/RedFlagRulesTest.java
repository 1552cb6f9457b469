package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.redflag.AddressRedFlag;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;

/** Red flags: any partner raises one, also before any boundary exists, and any partner marks it addressed. */
class RedFlagRulesTest extends AgreementFixtureTest {

    private static final RedFlagId FLAG = RedFlagId.of("0e0e0e0e-6666-4c5d-9e8f-0a1b2c3d4e5f");

    @Test
    void anyPartnerRaisesARedFlag() {
        fixture.given(couple())
                .when(new RaiseRedFlag(AGREEMENT, SAM, FLAG, RedFlagIndicator.LONELINESS,
                        PrivateText.of("Evenings feel distant"), null))
                .expectEvents(new RedFlagRaised(AGREEMENT, SAM, FLAG, RedFlagIndicator.LONELINESS,
                        PrivateText.of("Evenings feel distant")))
                .expectResultMessagePayload(new CommandReceipt(3, null));
    }

    @Test
    void aRedFlagIdIsUsedOnce() {
        refusedBy(fixture.given(with(couple(), new RedFlagRaised(AGREEMENT, SAM, FLAG, RedFlagIndicator.STRESS,
                PrivateText.of(""))))
                .when(new RaiseRedFlag(AGREEMENT, ALEX, FLAG, RedFlagIndicator.STRESS, PrivateText.of(""), null)),
                Rule.RED_FLAG_ALREADY_EXISTS);
    }

    @Test
    void anyPartnerAddressesARedFlagEvenOneTheyDidNotRaise() {
        fixture.given(with(couple(), new RedFlagRaised(AGREEMENT, SAM, FLAG, RedFlagIndicator.RESENTMENT,
                PrivateText.of(""))))
                .when(new AddressRedFlag(AGREEMENT, ALEX, FLAG, PrivateText.of("We booked a weekend away"), null))
                .expectEvents(new RedFlagAddressed(AGREEMENT, ALEX, FLAG, PrivateText.of("We booked a weekend away")))
                .expectResultMessagePayload(new CommandReceipt(4, null));
    }

    @Test
    void aRedFlagIsAddressedOnce() {
        refusedBy(fixture.given(with(couple(), new RedFlagRaised(AGREEMENT, SAM, FLAG, RedFlagIndicator.OTHER,
                PrivateText.of("")),
                        new RedFlagAddressed(AGREEMENT, ALEX, FLAG, PrivateText.of(""))))
                .when(new AddressRedFlag(AGREEMENT, SAM, FLAG, PrivateText.of(""), null)),
                        Rule.RED_FLAG_ALREADY_ADDRESSED);
    }

    @Test
    void anUnknownRedFlagIsNotThere() {
        notVisible(fixture.given(couple()).when(new AddressRedFlag(AGREEMENT, SAM, FLAG, PrivateText.of(""), null)));
    }
}
