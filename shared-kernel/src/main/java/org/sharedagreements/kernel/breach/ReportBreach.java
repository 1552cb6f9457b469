package org.sharedagreements.kernel.breach;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;
import java.time.Instant;

/** Report that a partner broke an active boundary; reported by the one who broke it, it is a self-disclosure. */
public record ReportBreach(@TargetAggregateIdentifier AgreementId agreementId,
                           PartnerId actor,
                           BreachId breachId,
                           BoundaryId boundaryId,
                           PartnerId breachedBy,
                           @Confidential PrivateText description,
                           Instant occurredAt,
                           Long expectedVersion) implements AgreementCommand {
}
