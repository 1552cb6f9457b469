package org.sharedagreements.command.agreement;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.boundary.BoundaryAccepted;
import org.sharedagreements.kernel.boundary.BoundaryActivated;
import org.sharedagreements.kernel.boundary.BoundaryDeclined;
import org.sharedagreements.kernel.boundary.BoundaryProposalWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryProposed;
import org.sharedagreements.kernel.boundary.BoundaryRevised;
import org.sharedagreements.kernel.boundary.ConsentWithdrawn;
import org.sharedagreements.kernel.boundary.BoundaryReaffirmed;
import org.sharedagreements.kernel.boundary.BoundaryReinstated;
import org.sharedagreements.kernel.boundary.BoundaryReviewed;
import org.sharedagreements.kernel.boundary.BoundaryReviewDue;
import org.sharedagreements.kernel.boundary.BoundaryRetirementRequested;
import org.sharedagreements.kernel.boundary.BoundaryRetired;
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

    @EntityId
    BoundaryId boundaryId;
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

    static Boundary proposed(BoundaryProposed event) {
        Boundary boundary = new Boundary();
        boundary.boundaryId = event.boundaryId();
        boundary.status = Status.PROPOSED;
        boundary.propose(event.boundaryVersion(), event.actor(), event.terms().reviewEvery());
        return boundary;
    }

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

    // ---- event sourcing handlers: state changes only (the rules are on the Agreement) -------------------------

    @EventSourcingHandler
    void on(BoundaryAccepted event) {
        pendingAcceptedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BoundaryActivated event) {
        activate(event.boundaryVersion(), event.nextReviewAt());
    }

    @EventSourcingHandler
    void on(BoundaryDeclined event) {
        if (status == Status.PROPOSED) {
            status = Status.DECLINED;
        }
        clearPending();
    }

    @EventSourcingHandler
    void on(BoundaryProposalWithdrawn event) {
        if (status == Status.PROPOSED) {
            status = Status.WITHDRAWN;
        }
        clearPending();
    }

    @EventSourcingHandler
    void on(BoundaryRevised event) {
        propose(event.boundaryVersion(), event.actor(), event.terms().reviewEvery());
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        status = Status.SUSPENDED;
        reaffirmedBy = new LinkedHashSet<>();
    }

    @EventSourcingHandler
    void on(BoundaryReaffirmed event) {
        reaffirmedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BoundaryReinstated event) {
        status = Status.ACTIVE;
        if (!reviewDue) {
            reaffirmedBy = new LinkedHashSet<>();
        }
    }

    @EventSourcingHandler
    void on(BoundaryReviewed event) {
        startReviewCycle(event.nextReviewAt());
    }

    @EventSourcingHandler
    void on(BoundaryReviewDue event) {
        reviewDue = true;
    }

    @EventSourcingHandler
    void on(BoundaryRetirementRequested event) {
        retirementAskedBy.add(event.actor());
    }

    @EventSourcingHandler
    void on(BoundaryRetired event) {
        status = Status.RETIRED;
        clearPending();
        reviewDue = false;
        nextReviewAt = null;
    }

    // value equality: Axon's fixture compares the state built by command handlers with the state sourced from events
    @Override
    public boolean equals(Object o) {
        return o instanceof Boundary other && Objects.equals(boundaryId, other.boundaryId)
                && Objects.equals(status, other.status) && Objects.equals(lastVersionNumber, other.lastVersionNumber) && Objects.equals(activeVersion, other.activeVersion) && Objects.equals(activeReviewEvery, other.activeReviewEvery) && Objects.equals(pendingVersion, other.pendingVersion) && Objects.equals(pendingProposedBy, other.pendingProposedBy) && Objects.equals(pendingReviewEvery, other.pendingReviewEvery) && Objects.equals(pendingAcceptedBy, other.pendingAcceptedBy) && Objects.equals(reviewDue, other.reviewDue) && Objects.equals(nextReviewAt, other.nextReviewAt) && Objects.equals(reaffirmedBy, other.reaffirmedBy) && Objects.equals(retirementAskedBy, other.retirementAskedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(boundaryId, status, lastVersionNumber, activeVersion, activeReviewEvery, pendingVersion, pendingProposedBy, pendingReviewEvery, pendingAcceptedBy, reviewDue, nextReviewAt, reaffirmedBy, retirementAskedBy);
    }
}
