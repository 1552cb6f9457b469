package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Every partner reaffirmed a suspended boundary: it is active again. */
@Revision("1")
public record BoundaryReinstated(AgreementId agreementId,
                                 PartnerId actor,
                                 BoundaryId boundaryId,
                                 int boundaryVersion) implements BoundaryEvent {
}
