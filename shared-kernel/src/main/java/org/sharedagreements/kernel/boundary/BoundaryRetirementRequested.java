package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** The actor asked to retire a boundary. */
@Revision("1")
public record BoundaryRetirementRequested(AgreementId agreementId,
                                          PartnerId actor,
                                          BoundaryId boundaryId) implements BoundaryEvent {
}
