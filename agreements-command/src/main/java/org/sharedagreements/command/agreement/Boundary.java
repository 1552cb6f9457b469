package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.ReviewPeriod;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the agreement needs to decide about one boundary: its state, the version in force, the one pending
 * version (a proposal or a revision) with who accepted it, and the review cycle. No terms are kept: the events
 * carry them, the aggregate does not need them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Boundary {

    enum Status { PROPOSED, ACTIVE, SUSPENDED, DECLINED, WITHDRAWN, RETIRED }

    Status status;
    int lastVersionNumber;
    Integer activeVersion;
    ReviewPeriod activeReviewEvery;
    Integer pendingVersion;
    PartnerId pendingProposedBy;
    ReviewPeriod pendingReviewEvery;
    Set<PartnerId> pendingAcceptedBy = new LinkedHashSet<>();
    boolean reviewDue;
    Instant nextReviewAt;
    Set<PartnerId> reaffirmedBy = new LinkedHashSet<>();
    Set<PartnerId> retirementAskedBy = new LinkedHashSet<>();

    boolean inForce() {
        return status == Status.ACTIVE || status == Status.SUSPENDED;
    }

    void propose(int version, PartnerId proposer, ReviewPeriod reviewEvery) {
        lastVersionNumber = version;
        pendingVersion = version;
        pendingProposedBy = proposer;
        pendingReviewEvery = reviewEvery;
        pendingAcceptedBy = new LinkedHashSet<>();
        pendingAcceptedBy.add(proposer);
    }

    void clearPending() {
        pendingVersion = null;
        pendingProposedBy = null;
        pendingReviewEvery = null;
        pendingAcceptedBy = new LinkedHashSet<>();
    }

    void activate(int version, Instant reviewAt) {
        status = Status.ACTIVE;
        activeVersion = version;
        activeReviewEvery = pendingReviewEvery;
        clearPending();
        startReviewCycle(reviewAt);
    }

    void startReviewCycle(Instant reviewAt) {
        nextReviewAt = reviewAt;
        reviewDue = false;
        reaffirmedBy = new LinkedHashSet<>();
    }

    // value equality: Axon's fixture compares the state built by command handlers with the state sourced from events
    @Override
    public boolean equals(Object o) {
        return o instanceof Boundary other && Objects.equals(status, other.status) && Objects.equals(lastVersionNumber, other.lastVersionNumber) && Objects.equals(activeVersion, other.activeVersion) && Objects.equals(activeReviewEvery, other.activeReviewEvery) && Objects.equals(pendingVersion, other.pendingVersion) && Objects.equals(pendingProposedBy, other.pendingProposedBy) && Objects.equals(pendingReviewEvery, other.pendingReviewEvery) && Objects.equals(pendingAcceptedBy, other.pendingAcceptedBy) && Objects.equals(reviewDue, other.reviewDue) && Objects.equals(nextReviewAt, other.nextReviewAt) && Objects.equals(reaffirmedBy, other.reaffirmedBy) && Objects.equals(retirementAskedBy, other.retirementAskedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, lastVersionNumber, activeVersion, activeReviewEvery, pendingVersion, pendingProposedBy, pendingReviewEvery, pendingAcceptedBy, reviewDue, nextReviewAt, reaffirmedBy, retirementAskedBy);
    }
}
