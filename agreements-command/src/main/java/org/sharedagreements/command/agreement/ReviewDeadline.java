package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.BoundaryId;

import java.time.Instant;

/**
 * The payload of a boundary's review deadline. A deadline whose version or {@code dueAt} is no longer the
 * boundary's next review is stale and changes nothing.
 */
public record ReviewDeadline(BoundaryId boundaryId, int boundaryVersion, Instant dueAt) {

    /** The deadline name, also stored by the deadline manager with every scheduled review. */
    public static final String NAME = "boundary-review";

    /**
     * Metadata key of the event that scheduled a review ({@code BoundaryActivated}, {@code BoundaryReviewed}):
     * the deadline manager's id for it, so the boundary can cancel exactly that deadline when it is rescheduled
     * or retired. Metadata, because it is a fact of this service's infrastructure, not of the published language.
     */
    public static final String DEADLINE_ID = "reviewDeadlineId";
}
