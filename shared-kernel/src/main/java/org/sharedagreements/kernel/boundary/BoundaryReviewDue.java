package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;
import java.time.Instant;

/** The review period of a boundary ran out: it is due for review. Recorded by the service (no actor). */
@Revision("1")
public record BoundaryReviewDue(AgreementId agreementId,
                                PartnerId actor,
                                BoundaryId boundaryId,
                                int boundaryVersion,
                                Instant dueAt) implements BoundaryEvent {
}
