package org.sharedagreements.command.agreement;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.ReviewPeriod;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.BoundaryStatus;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the agreement needs to decide about one boundary: its state, the version in force, the one pending
 * version (a proposal or a revision) with who accepted it, and the review cycle. No terms are kept: the events
 * carry them, decisions do not need them (only the review period, to schedule the next review).
 */
class Boundary extends MemberEntity {

    BoundaryId boundaryId;
    BoundaryStatus status;
    /** The highest version number ever given out; declined and withdrawn numbers count, so none is reused. */
    int lastVersionNumber;
    Integer activeVersion;
    ReviewPeriod activeReviewEvery;
    Integer pendingVersion;
    PartnerId pendingProposedBy;
    ReviewPeriod pendingReviewEvery;
    Set<PartnerId> pendingAcceptedBy = new LinkedHashSet<>();
    Instant nextReviewAt;
    String reviewDeadlineId;
    boolean reviewDue;
    Set<PartnerId> reaffirmedBy = new LinkedHashSet<>();
    Set<PartnerId> retirementAskedBy = new LinkedHashSet<>();

    Boundary() {
        // for Jackson snapshots
    }

    Boundary(BoundaryProposed event) {
        this.boundaryId = event.boundaryId();
        this.status = BoundaryStatus.PROPOSED;
        propose(event.boundaryVersion(), event.actor(), event.terms().reviewEvery());
    }

    /** Active or suspended: there is a version in force. */
    boolean inForce() {
        return status == BoundaryStatus.ACTIVE || status == BoundaryStatus.SUSPENDED;
    }

    boolean hasPendingVersion() {
        return pendingVersion != null;
    }

    /** A review deadline is current when it is for the version in force, at the next review, not yet fallen due. */
    boolean isCurrent(ReviewDeadline deadline) {
        return inForce() && !reviewDue && Objects.equals(activeVersion, deadline.boundaryVersion())
                && deadline.dueAt().equals(nextReviewAt);
    }

    private void propose(int version, PartnerId proposer, ReviewPeriod reviewEvery) {
        lastVersionNumber = version;
        pendingVersion = version;
        pendingProposedBy = proposer;
        pendingReviewEvery = reviewEvery;
        pendingAcceptedBy = new LinkedHashSet<>();
        pendingAcceptedBy.add(proposer);
    }

    private void dropPending() {
        pendingVersion = null;
        pendingProposedBy = null;
        pendingReviewEvery = null;
        pendingAcceptedBy = new LinkedHashSet<>();
    }

    private void startReviewRound(Instant reviewAt, String deadlineId) {
        nextReviewAt = reviewAt;
        reviewDeadlineId = deadlineId;
        reviewDue = false;
        reaffirmedBy = new LinkedHashSet<>();
    }

    // ---- event sourcing handlers: state changes only (the rules are on the Agreement) ----------------------

    @EventSourcingHandler
    void on(BoundaryRevised event) {
        propose(event.boundaryVersion(), event.actor(), event.terms().reviewEvery());
    }

    @EventSourcingHandler
    void on(BoundaryAccepted event) {
        pendingAcceptedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BoundaryActivated event, @MetaDataValue(ReviewDeadline.DEADLINE_ID) String deadlineId) {
        status = BoundaryStatus.ACTIVE;
        activeVersion = event.boundaryVersion();
        activeReviewEvery = pendingReviewEvery;
        dropPending();
        startReviewRound(event.nextReviewAt(), deadlineId);
    }

    @EventSourcingHandler
    void on(BoundaryDeclined event) {
        if (status == BoundaryStatus.PROPOSED) {
            status = BoundaryStatus.DECLINED;
        }
        dropPending();
    }

    @EventSourcingHandler
    void on(BoundaryProposalWithdrawn event) {
        if (status == BoundaryStatus.PROPOSED) {
            status = BoundaryStatus.WITHDRAWN;
        }
        dropPending();
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        status = BoundaryStatus.SUSPENDED;
        reaffirmedBy = new LinkedHashSet<>();
    }

    @EventSourcingHandler
    void on(BoundaryReaffirmed event) {
        reaffirmedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BoundaryReinstated event) {
        status = BoundaryStatus.ACTIVE;
        if (!reviewDue) {
            reaffirmedBy = new LinkedHashSet<>();
        }
    }

    @EventSourcingHandler
    void on(BoundaryReviewDue event) {
        reviewDue = true;
        reviewDeadlineId = null; // it has fired
    }

    @EventSourcingHandler
    void on(BoundaryReviewed event, @MetaDataValue(ReviewDeadline.DEADLINE_ID) String deadlineId) {
        startReviewRound(event.nextReviewAt(), deadlineId);
    }

    @EventSourcingHandler
    void on(BoundaryRetirementRequested event) {
        retirementAskedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BoundaryRetired event) {
        status = BoundaryStatus.RETIRED;
        dropPending();
        nextReviewAt = null;
        reviewDeadlineId = null;
        reviewDue = false;
    }
}
