package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;
import java.time.Instant;

/** Every partner accepted this version: it is now the version in force, to be reviewed at nextReviewAt. */
@Revision("1")
public record BoundaryActivated(AgreementId agreementId,
                                PartnerId actor,
                                BoundaryId boundaryId,
                                int boundaryVersion,
                                Instant nextReviewAt) implements BoundaryEvent {
}
