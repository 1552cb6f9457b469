package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PartnerId;

/** The actor proposed version 1 of a new boundary, with its full terms; proposing counts as the actor's acceptance. */
@Revision("1")
public record BoundaryProposed(AgreementId agreementId,
                               PartnerId actor,
                               BoundaryId boundaryId,
                               int boundaryVersion,
                               BoundaryTerms terms) implements BoundaryEvent {
}
