package org.sharedagreements.kernel.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** Join an agreement the actor was invited to. */
public record JoinAgreement(@TargetAggregateIdentifier AgreementId agreementId,
                            PartnerId actor,
                            Long expectedVersion) implements AgreementCommand {
}
