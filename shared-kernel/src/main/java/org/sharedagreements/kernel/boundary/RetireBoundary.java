package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Ask to retire a boundary; it is retired when every partner asked. */
public record RetireBoundary(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             BoundaryId boundaryId,
                             Long expectedVersion) implements AgreementCommand {
}
