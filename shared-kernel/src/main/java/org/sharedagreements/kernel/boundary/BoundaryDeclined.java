package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Content;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** The actor declined a pending version; its number is never reused. */
@Revision("1")
public record BoundaryDeclined(AgreementId agreementId,
                               PartnerId actor,
                               BoundaryId boundaryId,
                               int boundaryVersion,
                               @Confidential String reason) implements BoundaryEvent {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
