package org.sharedagreements.query.caseload;

import org.sharedagreements.kernel.breach.BreachStatus;
import org.sharedagreements.kernel.redflag.RedFlagStatus;
import org.sharedagreements.query.agreement.AgreementState;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Works out what needs a counsellor's attention in one agreement at a given instant; pure, so it is tested with any clock. */
public final class Caseload {

    /** A proposal pending longer than this needs attention. */
    public static final Duration STALE_PROPOSAL = Duration.ofDays(7);

    /**
     * Those needing attention first; among them, the one with more open breaches, then more open red flags, then
     * more reviews due, then more stale proposals (what a counsellor would look at first), otherwise as they came.
     */
    public static final Comparator<CaseloadEntry> MOST_URGENT_FIRST = Comparator
            .comparing(CaseloadEntry::needsAttention).reversed()
            .thenComparing(entry -> entry.openBreaches().size(), Comparator.reverseOrder())
            .thenComparing(entry -> entry.openRedFlags().size(), Comparator.reverseOrder())
            .thenComparing(entry -> entry.reviewsDue().size(), Comparator.reverseOrder())
            .thenComparing(entry -> entry.stalePendingProposals().size(), Comparator.reverseOrder());

    private Caseload() {
    }

    public static CaseloadEntry entry(AgreementState state, Instant now) {
        List<CaseloadEntry.OpenBreach> breaches = state.breaches.stream()
                .filter(b -> b.status != BreachStatus.RESOLVED)
                .map(b -> new CaseloadEntry.OpenBreach(b.breachId, b.boundaryId, b.status.name(), b.breachedBy,
                        b.occurredAt))
                .toList();
        List<CaseloadEntry.OpenRedFlag> flags = state.redFlags.stream()
                .filter(f -> f.status == RedFlagStatus.OPEN)
                .map(f -> new CaseloadEntry.OpenRedFlag(f.flagId, f.indicator, f.raisedBy, f.raisedAt))
                .toList();
        List<CaseloadEntry.ReviewDue> reviews = state.boundaries.stream()
                .filter(b -> b.reviewDue)
                .map(b -> new CaseloadEntry.ReviewDue(b.boundaryId, b.activeVersion == null ? 0 : b.activeVersion,
                        b.nextReviewAt))
                .toList();
        Instant staleBefore = now.minus(STALE_PROPOSAL);
        List<CaseloadEntry.PendingProposal> pending = state.boundaries.stream()
                .filter(b -> b.pending != null && b.pending.proposedAt != null
                        && Instant.parse(b.pending.proposedAt).isBefore(staleBefore))
                .map(b -> new CaseloadEntry.PendingProposal(b.boundaryId, b.pending.boundaryVersion,
                        b.pending.proposedBy, b.pending.proposedAt, List.copyOf(b.pending.acceptedBy)))
                .toList();
        boolean attention = !breaches.isEmpty() || !flags.isEmpty() || !reviews.isEmpty() || !pending.isEmpty();
        return new CaseloadEntry(state.agreementId, state.title, state.status.name(), state.version, state.lastEventAt,
                attention, breaches, flags, reviews, pending);
    }
}
