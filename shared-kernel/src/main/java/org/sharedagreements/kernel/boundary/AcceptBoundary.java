package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Accept the pending version of a boundary. */
public record AcceptBoundary(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             BoundaryId boundaryId,
                             int boundaryVersion,
                             Long expectedVersion) implements AgreementCommand {
}
