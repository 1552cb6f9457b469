package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Every partner asked to retire the boundary: it is retired. */
@Revision("1")
public record BoundaryRetired(AgreementId agreementId,
                              PartnerId actor,
                              BoundaryId boundaryId) implements BoundaryEvent {
}
