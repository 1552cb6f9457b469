package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BoundaryTerms;
import org.sharedagreements.kernel.PartnerId;

/** Propose a new boundary; proposing counts as the proposer's acceptance of version 1. */
public record ProposeBoundary(@TargetAggregateIdentifier AgreementId agreementId,
                              PartnerId actor,
                              BoundaryId boundaryId,
                              BoundaryTerms terms,
                              Long expectedVersion) implements AgreementCommand {
}
