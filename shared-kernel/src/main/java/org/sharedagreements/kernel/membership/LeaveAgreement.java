package org.sharedagreements.kernel.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** Leave the agreement; this ends it for everyone. */
public record LeaveAgreement(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             Long expectedVersion) implements AgreementCommand {
}
