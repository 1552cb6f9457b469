package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Decline the pending version of a boundary. */
public record DeclineBoundary(@TargetAggregateIdentifier AgreementId agreementId,
                              PartnerId actor,
                              BoundaryId boundaryId,
                              int boundaryVersion,
                              @Confidential PrivateText reason,
                              Long expectedVersion) implements AgreementCommand {
}
