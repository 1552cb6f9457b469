package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** The proposer withdraws the pending version of a boundary. */
public record WithdrawBoundaryProposal(@TargetAggregateIdentifier AgreementId agreementId,
                                       PartnerId actor,
                                       BoundaryId boundaryId,
                                       Long expectedVersion) implements AgreementCommand {
}
