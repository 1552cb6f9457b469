package org.sharedagreements.command.agreement;

import org.sharedagreements.kernel.BoundaryId;

import java.time.Instant;

/** The payload of a boundary's review deadline; a deadline whose dueAt is no longer the boundary's next review is stale. */
public record ReviewDeadline(BoundaryId boundaryId, int boundaryVersion, Instant dueAt) {

    public static final String NAME = "boundary-review";
}
