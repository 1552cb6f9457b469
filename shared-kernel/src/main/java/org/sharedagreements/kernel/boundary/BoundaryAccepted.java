package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** The actor accepted a pending version of a boundary. */
@Revision("1")
public record BoundaryAccepted(AgreementId agreementId,
                               PartnerId actor,
                               BoundaryId boundaryId,
                               int boundaryVersion) implements BoundaryEvent {
}
