package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.access.Role;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.DraftAgreement;
import org.sharedagreements.kernel.redflag.RaiseRedFlag;

import java.util.List;

/**
 * Counsellors and auditors read; they never change an agreement (403 where they may see it, 404 elsewhere), and
 * none of the three roles starts one.
 */
class RoleRulesTest extends AgreementFixtureTest {

    private static final PartnerId DR_LEE = PartnerId.of("dr-lee");

    private static List<Object> granted() {
        CounsellorId counsellor = CounsellorId.of(DR_LEE.value());
        return with(couple(), new CounsellorAccessRequested(AGREEMENT, ALEX, counsellor),
                new CounsellorAccessApproved(AGREEMENT, SAM, counsellor),
                new CounsellorAccessGranted(AGREEMENT, SAM, counsellor));
    }

    private static RaiseRedFlag raisedBy(PartnerId caller) {
        return new RaiseRedFlag(AGREEMENT, caller, RedFlagId.random(), RedFlagIndicator.STRESS, PrivateText.of(""),
                null);
    }

    @Test
    void aGrantedCounsellorMayReadButIssuesNoCommands() {
        fixture.given(granted())
                .when(raisedBy(DR_LEE), CallerRoles.metaData(List.of(Role.COUNSELLOR.claim())))
                .expectNoEvents()
                .expectException(RoleMayNotAct.class);
    }

    @Test
    void aCounsellorWithoutAGrantSeesNothing() {
        notVisible(fixture.given(couple())
                .when(raisedBy(DR_LEE), CallerRoles.metaData(List.of(Role.COUNSELLOR.claim()))));
    }

    @Test
    void aPartnerSigningInAsCounsellorIssuesNoCommandsEither() {
        fixture.given(couple())
                .when(raisedBy(ALEX), CallerRoles.metaData(List.of(Role.COUNSELLOR.claim())))
                .expectNoEvents()
                .expectException(RoleMayNotAct.class);
    }

    @Test
    void counsellorsAuditorsAndOperatorsNeverStartAnAgreement() {
        for (String role : List.of(Role.COUNSELLOR.claim(), Role.AUDITOR.claim(), Role.OPERATOR.claim())) {
            fixture.givenNoPriorActivity()
                    .when(new DraftAgreement(AGREEMENT, DR_LEE, PrivateText.of("Ours"), null),
                            CallerRoles.metaData(List.of(role)))
                    .expectNoEvents()
                    .expectException(RoleMayNotAct.class);
        }
    }

    @Test
    void anyoneWithoutThoseRolesMayStartAnAgreementAndIsItsFirstPartner() {
        fixture.givenNoPriorActivity()
                .when(new DraftAgreement(AGREEMENT, ALEX, PrivateText.of("Ours"), null),
                        CallerRoles.metaData(List.of()))
                .expectEvents(new AgreementDrafted(AGREEMENT, ALEX, PrivateText.of("Ours")));
    }

    @Test
    void anAuditorIssuesNoCommands() {
        fixture.given(couple())
                .when(raisedBy(PartnerId.of("auditor-1")), CallerRoles.metaData(List.of(Role.AUDITOR.claim())))
                .expectNoEvents()
                .expectException(RoleMayNotAct.class);
    }
}
