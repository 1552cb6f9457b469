package org.sharedagreements.kernel.boundary;

import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.BoundaryId;

/**
 * An event of one boundary of an agreement, naming it by id: the aggregate hands it to that entity alone.
 * Sealed: the events of this package that are about one boundary, and no others.
 */
public sealed interface BoundaryEvent extends AgreementEvent permits
        BoundaryAccepted,
        BoundaryActivated,
        BoundaryDeclined,
        BoundaryProposalWithdrawn,
        BoundaryProposed,
        BoundaryReaffirmed,
        BoundaryReinstated,
        BoundaryRetired,
        BoundaryRetirementRequested,
        BoundaryReviewDue,
        BoundaryReviewed,
        BoundaryRevised,
        ConsentWithdrawn {

    BoundaryId boundaryId();
}
