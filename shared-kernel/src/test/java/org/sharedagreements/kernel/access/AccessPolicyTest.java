package org.sharedagreements.kernel.access;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.kernel.access.AccessPolicy.Act.CHANGE;
import static org.sharedagreements.kernel.access.AccessPolicy.Act.ERASE;
import static org.sharedagreements.kernel.access.AccessPolicy.Act.JOIN;

/** The table of docs/contract.md's "Who sees what", one rule per test. */
class AccessPolicyTest {

    private static final Set<Role> NONE = EnumSet.noneOf(Role.class);
    private static final Set<Role> COUNSELLOR = EnumSet.of(Role.COUNSELLOR);
    private static final Set<Role> AUDITOR = EnumSet.of(Role.AUDITOR);
    private static final Set<Role> OPERATOR = EnumSet.of(Role.OPERATOR);

    private static Standing member(Membership membership) {
        return new Standing(membership, null, false);
    }

    private static Standing counsellor(GrantStatus grant, boolean parked) {
        return new Standing(null, grant, parked);
    }

    @Test
    void partnersWhoJoinedReadTheirAgreementAlsoAfterTheyLeftAndAlsoWhileItIsParked() {
        assertThat(AccessPolicy.reader(member(Membership.JOINED), NONE)).contains(AccessRole.PARTNER);
        assertThat(AccessPolicy.reader(member(Membership.LEFT), NONE)).contains(AccessRole.PARTNER);
        assertThat(AccessPolicy.reader(new Standing(Membership.JOINED, null, true), NONE)).contains(AccessRole.PARTNER);
    }

    @Test
    void inviteesAndStrangersSeeNothing() {
        assertThat(AccessPolicy.reader(member(Membership.INVITED), NONE)).isEmpty();
        assertThat(AccessPolicy.reader(Standing.stranger(), NONE)).isEmpty();
        assertThat(AccessPolicy.reader(Standing.stranger(), EnumSet.allOf(Role.class))).isEmpty();
    }

    @Test
    void aCounsellorReadsOnlyWhileGrantedWithTheCounsellorRoleAndNotWhileTheAgreementIsParked() {
        assertThat(AccessPolicy.reader(counsellor(GrantStatus.GRANTED, false), COUNSELLOR)).contains(AccessRole.COUNSELLOR);
        assertThat(AccessPolicy.reader(counsellor(GrantStatus.GRANTED, false), NONE)).isEmpty();
        assertThat(AccessPolicy.reader(counsellor(GrantStatus.PENDING, false), COUNSELLOR)).isEmpty();
        assertThat(AccessPolicy.reader(counsellor(GrantStatus.REVOKED, false), COUNSELLOR)).isEmpty();
        assertThat(AccessPolicy.reader(counsellor(GrantStatus.GRANTED, true), COUNSELLOR)).isEmpty();
    }

    @Test
    void auditorsReadEveryExistingAgreementButNotWhileItIsParked() {
        assertThat(AccessPolicy.auditor(true, false, AUDITOR)).isTrue();
        assertThat(AccessPolicy.auditor(false, false, AUDITOR)).isFalse();
        assertThat(AccessPolicy.auditor(true, true, AUDITOR)).isFalse();
        assertThat(AccessPolicy.auditor(true, false, COUNSELLOR)).isFalse();
    }

    @Test
    void onlyJoinedPartnersChangeAnAgreementInviteesJoinAndPartnersWhoLeftMayErase() {
        assertThat(AccessPolicy.command(member(Membership.JOINED), NONE, CHANGE)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.command(member(Membership.INVITED), NONE, JOIN)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.command(member(Membership.INVITED), NONE, CHANGE)).isEqualTo(Decision.HIDE);
        assertThat(AccessPolicy.command(member(Membership.LEFT), NONE, ERASE)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.command(member(Membership.LEFT), NONE, CHANGE)).isEqualTo(Decision.HIDE);
        assertThat(AccessPolicy.command(Standing.stranger(), NONE, JOIN)).isEqualTo(Decision.HIDE);
        assertThat(AccessPolicy.command(Standing.stranger(), OPERATOR, CHANGE)).isEqualTo(Decision.HIDE);
    }

    @Test
    void counsellorsAndAuditorsNeverChangeAnAgreement403WhereTheyMaySeeIt404Elsewhere() {
        assertThat(AccessPolicy.command(counsellor(GrantStatus.GRANTED, false), COUNSELLOR, CHANGE))
                .isEqualTo(Decision.FORBID);
        assertThat(AccessPolicy.command(member(Membership.JOINED), COUNSELLOR, CHANGE)).isEqualTo(Decision.FORBID);
        assertThat(AccessPolicy.command(counsellor(GrantStatus.PENDING, false), COUNSELLOR, CHANGE))
                .isEqualTo(Decision.HIDE);
        assertThat(AccessPolicy.command(Standing.stranger(), COUNSELLOR, CHANGE)).isEqualTo(Decision.HIDE);
        assertThat(AccessPolicy.command(Standing.stranger(), AUDITOR, CHANGE)).isEqualTo(Decision.FORBID);
    }

    @Test
    void scopesThatNameNoAgreementAreForbiddenNotHiddenToOtherRoles() {
        assertThat(AccessPolicy.scope(Scope.DRAFT, NONE)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.scope(Scope.DRAFT, COUNSELLOR)).isEqualTo(Decision.FORBID);
        assertThat(AccessPolicy.scope(Scope.DRAFT, OPERATOR)).isEqualTo(Decision.FORBID);
        assertThat(AccessPolicy.scope(Scope.OWN_AGREEMENTS, NONE)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.scope(Scope.CASELOAD, COUNSELLOR)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.scope(Scope.CASELOAD, AUDITOR)).isEqualTo(Decision.FORBID);
        assertThat(AccessPolicy.scope(Scope.AUDIT_LIST, AUDITOR)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.scope(Scope.AUDIT_LIST, NONE)).isEqualTo(Decision.FORBID);
        assertThat(AccessPolicy.scope(Scope.OPERATIONS, OPERATOR)).isEqualTo(Decision.ALLOW);
        assertThat(AccessPolicy.scope(Scope.OPERATIONS, COUNSELLOR)).isEqualTo(Decision.FORBID);
    }

    @Test
    void rolesComeFromClaimsAndAuthoritiesAndUnknownOnesAreIgnored() {
        assertThat(Role.fromClaims(java.util.List.of("counsellor", "admin"))).containsExactly(Role.COUNSELLOR);
        assertThat(Role.fromAuthorities(java.util.List.of("ROLE_auditor", "SCOPE_x"))).containsExactly(Role.AUDITOR);
        assertThat(Role.OPERATOR.authority()).isEqualTo("ROLE_operator");
    }
}
