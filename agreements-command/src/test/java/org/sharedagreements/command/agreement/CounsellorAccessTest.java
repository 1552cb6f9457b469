package org.sharedagreements.command.agreement;

import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.CommandReceipt;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.counsellor.ApproveCounsellorAccess;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.RequestCounsellorAccess;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.counsellor.RevokeCounsellorAccess;
import org.sharedagreements.kernel.membership.InvitePartner;
import org.sharedagreements.kernel.membership.JoinAgreement;
import org.sharedagreements.kernel.membership.PartnerInvited;
import org.sharedagreements.kernel.membership.PartnerJoined;

import java.util.List;

/** Counsellor access: requested by one partner, granted when every partner approved, revoked by any partner alone. */
class CounsellorAccessTest extends AgreementFixtureTest {

    private static final CounsellorId DR_LEE = CounsellorId.of("dr-lee");
    private static final CounsellorId DR_NG = CounsellorId.of("dr-ng");

    private static List<Object> requested() {
        return with(couple(), new CounsellorAccessRequested(AGREEMENT, ALEX, DR_LEE));
    }

    private static List<Object> granted() {
        return with(requested(), new CounsellorAccessApproved(AGREEMENT, SAM, DR_LEE),
                new CounsellorAccessGranted(AGREEMENT, SAM, DR_LEE));
    }

    private static List<Object> revoked() {
        return with(granted(), new CounsellorAccessRevoked(AGREEMENT, SAM, DR_LEE, RevocationReason.REVOKED_BY_PARTNER));
    }

    @Test
    void aRequestCountsAsTheRequestersApproval() {
        fixture.given(couple())
                .when(new RequestCounsellorAccess(AGREEMENT, ALEX, DR_LEE, null))
                .expectEvents(new CounsellorAccessRequested(AGREEMENT, ALEX, DR_LEE))
                .expectResultMessagePayload(new CommandReceipt(3, null));
    }

    @Test
    void aPartnerApprovesOnce() {
        refusedBy(fixture.given(requested()).when(new ApproveCounsellorAccess(AGREEMENT, ALEX, DR_LEE, null)),
                Rule.ALREADY_APPROVED);
    }

    @Test
    void accessIsGrantedWhenEveryPartnerApproved() {
        fixture.given(requested())
                .when(new ApproveCounsellorAccess(AGREEMENT, SAM, DR_LEE, null))
                .expectEvents(new CounsellorAccessApproved(AGREEMENT, SAM, DR_LEE),
                        new CounsellorAccessGranted(AGREEMENT, SAM, DR_LEE))
                .expectResultMessagePayload(new CommandReceipt(5, null));
    }

    @Test
    void accessStaysPendingUntilEveryPartnerApproved() {
        fixture.given(with(threesome(), new CounsellorAccessRequested(AGREEMENT, ALEX, DR_LEE)))
                .when(new ApproveCounsellorAccess(AGREEMENT, SAM, DR_LEE, null))
                .expectEvents(new CounsellorAccessApproved(AGREEMENT, SAM, DR_LEE));
    }

    @Test
    void onlyPendingAccessIsApproved() {
        refusedBy(fixture.given(granted()).when(new ApproveCounsellorAccess(AGREEMENT, SAM, DR_LEE, null)),
                Rule.COUNSELLOR_ACCESS_NOT_PENDING);
    }

    @Test
    void revokedAccessIsNotApproved() {
        refusedBy(fixture.given(revoked()).when(new ApproveCounsellorAccess(AGREEMENT, ALEX, DR_LEE, null)),
                Rule.COUNSELLOR_ACCESS_NOT_PENDING);
    }

    @Test
    void accessNeedsTwoPartnersWhoJoined() {
        refusedBy(fixture.given(drafted(), new PartnerInvited(AGREEMENT, ALEX, SAM))
                .when(new RequestCounsellorAccess(AGREEMENT, ALEX, DR_LEE, null)), Rule.COUNSELLOR_ACCESS_NEEDS_PARTNERS);
    }

    @Test
    void aPartnerIsNotTheCounsellor() {
        refusedBy(fixture.given(couple()).when(new RequestCounsellorAccess(AGREEMENT, ALEX, CounsellorId.of("sam"), null)),
                Rule.COUNSELLOR_IS_PARTNER);
    }

    @Test
    void anInviteeIsNotTheCounsellor() {
        refusedBy(fixture.given(with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM)))
                .when(new RequestCounsellorAccess(AGREEMENT, ALEX, CounsellorId.of("kim"), null)),
                Rule.COUNSELLOR_IS_PARTNER);
    }

    @Test
    void theCounsellorIsNotInvitedAsAPartner() {
        refusedBy(fixture.given(granted()).when(new InvitePartner(AGREEMENT, ALEX, PartnerId.of("dr-lee"), null)),
                Rule.COUNSELLOR_IS_PARTNER);
    }

    @Test
    void accessIsRequestedOnceWhileOpen() {
        refusedBy(fixture.given(granted()).when(new RequestCounsellorAccess(AGREEMENT, SAM, DR_LEE, null)),
                Rule.COUNSELLOR_ACCESS_ALREADY_OPEN);
    }

    @Test
    void anyPartnerRevokesGrantedAccessAloneAndAtOnce() {
        fixture.given(granted())
                .when(new RevokeCounsellorAccess(AGREEMENT, SAM, DR_LEE, null))
                .expectEvents(new CounsellorAccessRevoked(AGREEMENT, SAM, DR_LEE, RevocationReason.REVOKED_BY_PARTNER));
    }

    @Test
    void pendingAccessCanBeRevokedToo() {
        fixture.given(requested())
                .when(new RevokeCounsellorAccess(AGREEMENT, SAM, DR_LEE, null))
                .expectEvents(new CounsellorAccessRevoked(AGREEMENT, SAM, DR_LEE, RevocationReason.REVOKED_BY_PARTNER));
    }

    @Test
    void revokedAccessIsNotRevokedAgain() {
        refusedBy(fixture.given(revoked()).when(new RevokeCounsellorAccess(AGREEMENT, ALEX, DR_LEE, null)),
                Rule.COUNSELLOR_ACCESS_NOT_OPEN);
    }

    @Test
    void afterARevocationANewRequestStartsANewRound() {
        fixture.given(revoked())
                .when(new RequestCounsellorAccess(AGREEMENT, SAM, DR_LEE, null))
                .expectEvents(new CounsellorAccessRequested(AGREEMENT, SAM, DR_LEE));
    }

    @Test
    void aNewRoundNeedsEveryApprovalAgain() {
        fixture.given(with(revoked(), new CounsellorAccessRequested(AGREEMENT, SAM, DR_LEE)))
                .when(new ApproveCounsellorAccess(AGREEMENT, ALEX, DR_LEE, null))
                .expectEvents(new CounsellorAccessApproved(AGREEMENT, ALEX, DR_LEE),
                        new CounsellorAccessGranted(AGREEMENT, ALEX, DR_LEE));
    }

    @Test
    void aNewcomerEndsEveryOpenCounsellorAccessTheyNeverApproved() {
        CounsellorId drOld = CounsellorId.of("dr-old");
        fixture.given(with(couple(), new PartnerInvited(AGREEMENT, ALEX, KIM),
                        new CounsellorAccessRequested(AGREEMENT, ALEX, drOld),
                        new CounsellorAccessRevoked(AGREEMENT, SAM, drOld, RevocationReason.REVOKED_BY_PARTNER),
                        new CounsellorAccessRequested(AGREEMENT, ALEX, DR_LEE),
                        new CounsellorAccessApproved(AGREEMENT, SAM, DR_LEE),
                        new CounsellorAccessGranted(AGREEMENT, SAM, DR_LEE),
                        new CounsellorAccessRequested(AGREEMENT, SAM, DR_NG)))
                .when(new JoinAgreement(AGREEMENT, KIM, null))
                .expectEvents(new PartnerJoined(AGREEMENT, KIM),
                        new CounsellorAccessRevoked(AGREEMENT, KIM, DR_LEE, RevocationReason.MEMBERSHIP_CHANGED),
                        new CounsellorAccessRevoked(AGREEMENT, KIM, DR_NG, RevocationReason.MEMBERSHIP_CHANGED))
                .expectResultMessagePayload(new CommandReceipt(12, null));
    }

    @Test
    void anUnknownCounsellorCannotBeApproved() {
        notVisible(fixture.given(couple()).when(new ApproveCounsellorAccess(AGREEMENT, SAM, DR_LEE, null)));
    }

    @Test
    void anUnknownCounsellorCannotBeRevoked() {
        notVisible(fixture.given(granted()).when(new RevokeCounsellorAccess(AGREEMENT, SAM, DR_NG, null)));
    }
}
