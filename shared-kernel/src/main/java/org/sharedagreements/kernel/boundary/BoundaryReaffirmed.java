package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** The actor reaffirmed the version in force (on review, or to lift a suspension). */
@Revision("1")
public record BoundaryReaffirmed(AgreementId agreementId,
                                 PartnerId actor,
                                 BoundaryId boundaryId,
                                 int boundaryVersion) implements BoundaryEvent {
}
