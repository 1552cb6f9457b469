package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;
import java.time.Instant;

/** Every partner reaffirmed a boundary that was due for review; the next review is at nextReviewAt. */
@Revision("1")
public record BoundaryReviewed(AgreementId agreementId,
                               PartnerId actor,
                               BoundaryId boundaryId,
                               int boundaryVersion,
                               Instant nextReviewAt) implements BoundaryEvent {
}
