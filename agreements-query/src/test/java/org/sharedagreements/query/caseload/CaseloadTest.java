package org.sharedagreements.query.caseload;

import org.sharedagreements.kernel.PrivateText;
import org.junit.jupiter.api.Test;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.breach.BoundaryBroken;
import org.sharedagreements.kernel.redflag.RedFlagRaised;
import org.sharedagreements.query.agreement.AgreementState;
import org.sharedagreements.query.agreement.AgreementStateFold;
import org.sharedagreements.query.support.Story;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharedagreements.query.support.Story.ADA;
import static org.sharedagreements.query.support.Story.BEN;

class CaseloadTest {

    private static AgreementState fold(Story story) {
        AgreementState state = null;
        for (Story.Recorded recorded : story.events) {
            state = AgreementStateFold.apply(state, recorded.event(), recorded.sequence(), recorded.at());
        }
        return state;
    }

    @Test
    void aQuietAgreementNeedsNoAttention() {
        Story story = Story.formed().activeBoundary(BoundaryId.random(), Story.terms("x", "P30D"));
        CaseloadEntry entry = Caseload.entry(fold(story), story.now());
        assertThat(entry.needsAttention()).isFalse();
        assertThat(entry.openBreaches()).isEmpty();
    }

    @Test
    void openBreachesOpenRedFlagsReviewsDueAndProposalsPendingOverSevenDays() {
        BoundaryId active = BoundaryId.random();
        BoundaryId proposed = BoundaryId.random();
        Story story = Story.formed().activeBoundary(active, Story.terms("x", "P1D"));
        story.then(new BoundaryProposed(story.agreementId, ADA, proposed, 1, Story.terms("y", "P30D")));
        Instant proposedAt = story.last().at();
        story.then(new BoundaryBroken(story.agreementId, ADA, BreachId.random(), active, 1, BEN, false,
                PrivateText.of("it happened"),
                        proposedAt))
                .then(new RedFlagRaised(story.agreementId, BEN, RedFlagId.random(), RedFlagIndicator.LONELINESS,
                        PrivateText.of("")))
                .then(new BoundaryReviewDue(story.agreementId, null, active, 1, proposedAt.plus(Duration.ofDays(1))));
        AgreementState state = fold(story);

        CaseloadEntry sixDays = Caseload.entry(state, proposedAt.plus(Duration.ofDays(6)));
        assertThat(sixDays.needsAttention()).isTrue();
        assertThat(sixDays.openBreaches()).hasSize(1);
        assertThat(sixDays.openRedFlags()).extracting(CaseloadEntry.OpenRedFlag::indicator).containsExactly("LONELINESS");
        assertThat(sixDays.reviewsDue()).extracting(CaseloadEntry.ReviewDue::boundaryId).containsExactly(active.toString());
        assertThat(sixDays.stalePendingProposals()).isEmpty();

        CaseloadEntry eightDays = Caseload.entry(state, proposedAt.plus(Duration.ofDays(8)));
        assertThat(eightDays.stalePendingProposals()).extracting(CaseloadEntry.PendingProposal::boundaryId)
                .containsExactly(proposed.toString());
    }
}
