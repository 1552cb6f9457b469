package org.sharedagreements.kernel.breach;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;

/** The partner who broke a boundary acknowledges the breach. */
public record AcknowledgeBreach(@TargetAggregateIdentifier AgreementId agreementId,
                                PartnerId actor,
                                BreachId breachId,
                                Long expectedVersion) implements AgreementCommand {
}
