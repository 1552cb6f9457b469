package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Reaffirm a boundary that is due for review or suspended. */
public record ReaffirmBoundary(@TargetAggregateIdentifier AgreementId agreementId,
                               PartnerId actor,
                               BoundaryId boundaryId,
                               Long expectedVersion) implements AgreementCommand {
}
