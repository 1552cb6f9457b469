package org.sharedagreements.query.agreement;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.access.GrantStatus;
import org.sharedagreements.kernel.access.Membership;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.breach.BreachAcknowledged;
import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.counsellor.CounsellorAccessApproved;
import org.sharedagreements.kernel.counsellor.CounsellorAccessGranted;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRequested;
import org.sharedagreements.kernel.counsellor.CounsellorAccessRevoked;
import org.sharedagreements.kernel.counsellor.RevocationReason;
import org.sharedagreements.kernel.membership.AgreementDrafted;
import org.sharedagreements.kernel.membership.AgreementEnded;
import org.sharedagreements.kernel.membership.AgreementStatus;
import org.sharedagreements.kernel.membership.EndReason;
import org.sharedagreements.kernel.membership.PartnerLeft;
import org.sharedagreements.kernel.redflag.RedFlagAddressed;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.kernel.redflag.RedFlagStatus;
import org.sharedagreements.query.projection.ProjectionJson;
import org.sharedagreements.query.support.Story;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharedagreements.query.support.Story.ADA;
import static org.sharedagreements.query.support.Story.BEN;

class AgreementStateFoldTest {

    private static AgreementState fold(Story story) {
        AgreementState state = null;
        for (Story.Recorded recorded : story.events) {
            state = AgreementStateFold.apply(state, recorded.event(), recorded.sequence(), recorded.at());
        }
        return state;
    }

    @Test
    void anAgreementIsFormingUntilTwoPartnersJoined() {
        Story story = new Story();
        story.then(new AgreementDrafted(story.agreementId, ADA, PrivateText.of("Ours")));
        AgreementState drafted = fold(story);
        assertThat(drafted.status).isEqualTo(AgreementStatus.FORMING);
        assertThat(drafted.title).isEqualTo("Ours");
        assertThat(drafted.version).isZero();
        assertThat(drafted.lastEventAt).isEqualTo("2026-01-05T10:00:00.123Z");

        AgreementState formed = fold(Story.formed());
        assertThat(formed.status).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(formed.version).isEqualTo(2);
        assertThat(formed.partners).extracting(p -> p.partnerId + ":" + p.status)
                .containsExactly("ada:JOINED", "ben:JOINED");
    }

    @Test
    void aPendingRevisionLeavesTheVersionInForceUntilActivated() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("v1", "P30D"));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 2, Story.terms("v2", "P14D")));

        AgreementState.Boundary pending = fold(story).boundary(boundary.toString());
        assertThat(pending.status).isEqualTo(BoundaryStatus.ACTIVE);
        assertThat(pending.activeVersion).isEqualTo(1);
        assertThat(pending.terms.statement).isEqualTo("v1");
        assertThat(pending.pending.boundaryVersion).isEqualTo(2);
        assertThat(pending.pending.acceptedBy).containsExactly("ben");
        assertThat(pending.pending.terms.reviewEvery).isEqualTo("P14D");

        story.then(new BoundaryDeclined(story.agreementId, ADA, boundary, 2, PrivateText.of("no")));
        AgreementState.Boundary declined = fold(story).boundary(boundary.toString());
        assertThat(declined.status).as("a declined revision leaves the boundary as it was").isEqualTo(BoundaryStatus.ACTIVE);
        assertThat(declined.pending).isNull();
        assertThat(declined.terms.statement).isEqualTo("v1");

        story.acceptedRevision(boundary, 3, Story.terms("v3", "P7D"));
        AgreementState.Boundary revised = fold(story).boundary(boundary.toString());
        assertThat(revised.activeVersion).isEqualTo(3);
        assertThat(revised.terms.statement).isEqualTo("v3");
        assertThat(revised.pending).isNull();
    }

    @Test
    void aDeclinedProposalEndsTheBoundaryAndConsentWithdrawalSuspendsIt() {
        BoundaryId declined = BoundaryId.random();
        BoundaryId suspended = BoundaryId.random();
        Story story = Story.formed();
        story.then(new org.sharedagreements.kernel.boundary.BoundaryProposed(story.agreementId, ADA, declined, 1,
                Story.terms("x", "P30D")));
        story.then(new BoundaryDeclined(story.agreementId, BEN, declined, 1, PrivateText.of("not now")));
        story.activeBoundary(suspended, Story.terms("y", "P30D"));
        story.then(new ConsentWithdrawn(story.agreementId, BEN, suspended, 1, PrivateText.of("I need time")));

        AgreementState state = fold(story);
        assertThat(state.boundary(declined.toString()).status).isEqualTo(BoundaryStatus.DECLINED);
        assertThat(state.boundary(declined.toString()).terms).isNull();
        assertThat(state.boundary(suspended.toString()).status).isEqualTo(BoundaryStatus.SUSPENDED);
    }

    @Test
    void breachesRedFlagsAndCounsellors() {
        BoundaryId boundary = BoundaryId.random();
        BreachId breach = BreachId.random();
        RedFlagId flag = RedFlagId.random();
        CounsellorId carol = CounsellorId.of("carol");
        Story story = Story.formed().activeBoundary(boundary, Story.terms("y", "P30D"));
        Instant occurred = Instant.parse("2026-01-01T00:00:00Z");
        story.then(new BoundaryBroken(story.agreementId, BEN, breach, boundary, 1, BEN, true, PrivateText.of("I did"),
                occurred))
                .then(new BreachAcknowledged(story.agreementId, BEN, breach))
                .then(new RedFlagRaised(story.agreementId, ADA, flag, RedFlagIndicator.STRESS, PrivateText.of("work")))
                .then(new RedFlagAddressed(story.agreementId, BEN, flag, PrivateText.of("talked")))
                .then(new CounsellorAccessRequested(story.agreementId, ADA, carol))
                .then(new CounsellorAccessApproved(story.agreementId, BEN, carol))
                .then(new CounsellorAccessGranted(story.agreementId, BEN, carol));

        AgreementState granted = fold(story);
        AgreementState.Breach b = granted.breach(breach.toString());
        assertThat(b.selfDisclosed).isTrue();
        assertThat(b.reportedBy).isEqualTo("ben");
        assertThat(b.status).isEqualTo(BreachStatus.ACKNOWLEDGED);
        assertThat(b.occurredAt).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(granted.redFlag(flag.toString()).status).isEqualTo(RedFlagStatus.ADDRESSED);
        assertThat(granted.counsellor("carol").status).isEqualTo(GrantStatus.GRANTED);
        assertThat(granted.counsellor("carol").approvedBy).containsExactly("ada", "ben");

        story.then(new CounsellorAccessRevoked(story.agreementId, ADA, carol, RevocationReason.REVOKED_BY_PARTNER))
                .then(new PartnerLeft(story.agreementId, BEN))
                .then(new AgreementEnded(story.agreementId, BEN, EndReason.PARTNER_LEFT));
        AgreementState ended = fold(story);
        assertThat(ended.counsellor("carol").status).isEqualTo(GrantStatus.REVOKED);
        assertThat(ended.partner("ben").status).isEqualTo(Membership.LEFT);
        assertThat(ended.status).isEqualTo(AgreementStatus.ENDED);
        assertThat(ended.version).isEqualTo(story.last().sequence());
    }

    @Test
    void erasurePurgesEveryTextAndCategoryButKeepsTheStructure() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, Story.terms("secret", "P30D"));
        story.then(new BoundaryRevised(story.agreementId, BEN, boundary, 2, Story.terms("more secret", "P30D")))
                .then(new BoundaryBroken(story.agreementId, ADA, BreachId.random(), boundary, 1, BEN, false,
                        PrivateText.of("what"),
                        Instant.parse("2026-01-01T00:00:00Z")))
                .then(new RedFlagRaised(story.agreementId, ADA, RedFlagId.random(), RedFlagIndicator.OTHER,
                        PrivateText.of("note")))
                .then(new org.sharedagreements.kernel.membership.AgreementErased(story.agreementId, ADA));

        AgreementState erased = fold(story);
        assertThat(erased.status).isEqualTo(AgreementStatus.ERASED);
        assertThat(erased.title).isEqualTo("[erased]");
        AgreementState.Boundary b = erased.boundary(boundary.toString());
        assertThat(b.category).isEqualTo("[erased]");
        assertThat(b.terms.statement).isEqualTo("[erased]");
        assertThat(b.terms.measure).isEqualTo("[erased]");
        assertThat(b.pending.terms.statement).isEqualTo("[erased]");
        assertThat(b.activeVersion).isEqualTo(1);
        assertThat(erased.breaches.get(0).description).isEqualTo("[erased]");
        assertThat(erased.redFlags.get(0).note).isEqualTo("[erased]");
        // api.md: after erasure every text field, category and indicator reads "[erased]", and so do user ids
        assertThat(erased.redFlags.get(0).indicator).isEqualTo("[erased]");
        assertThat(erased.redFlags.get(0).raisedBy).isEqualTo("[erased]");
        assertThat(erased.partners).hasSize(2).allMatch(p -> p.partnerId.equals("[erased]"));
        assertThat(erased.breaches.get(0).breachedBy).isEqualTo("[erased]");
        assertThat(erased.breaches.get(0).reportedBy).isEqualTo("[erased]");
        assertThat(b.pending.proposedBy).isEqualTo("[erased]");
        assertThat(b.pending.acceptedBy).containsOnly("[erased]");
        assertThat(ProjectionJson.mapper().valueToTree(erased).toString())
                .doesNotContain("\"" + ADA.value() + "\"").doesNotContain("\"" + BEN.value() + "\"").doesNotContain("secret");
    }

    @Test
    void eventsReadAfterErasureHaveNoCategory() {
        BoundaryId boundary = BoundaryId.random();
        Story story = Story.formed().activeBoundary(boundary, new org.sharedagreements.kernel.BoundaryTerms(null,
                "[erased]", "[erased]", "[erased]", null));
        assertThat(fold(story).boundary(boundary.toString()).category).isEqualTo("[erased]");
    }

    @Test
    void anEventAboutAnUnknownBoundaryFailsLoudly() {
        Story story = Story.formed();
        story.then(new ConsentWithdrawn(story.agreementId, BEN, BoundaryId.random(), 1, PrivateText.of("")));
        assertThatThrownBy(() -> fold(story)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no boundary");
    }
}
