package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PartnerId;

/** Propose new terms for an active or suspended boundary; the version in force stays until every partner accepts. */
public record ReviseBoundary(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             BoundaryId boundaryId,
                             BoundaryTerms terms,
                             Long expectedVersion) implements AgreementCommand {
}
