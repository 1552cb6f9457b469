package org.sharedagreements.kernel.boundary;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PartnerId;

/** The actor proposed a revision: a new pending version with its full terms, counted as the actor's acceptance. The version in force stays in force until every partner accepts. */
@Revision("1")
public record BoundaryRevised(AgreementId agreementId,
                              PartnerId actor,
                              BoundaryId boundaryId,
                              int boundaryVersion,
                              BoundaryTerms terms) implements BoundaryEvent {
}
