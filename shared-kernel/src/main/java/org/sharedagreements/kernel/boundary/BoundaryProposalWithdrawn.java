package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** The proposer withdrew a pending version; its number is never reused. */
@Revision("1")
public record BoundaryProposalWithdrawn(AgreementId agreementId,
                                        PartnerId actor,
                                        BoundaryId boundaryId,
                                        int boundaryVersion) implements BoundaryEvent {
}
