package org.sharedagreements.kernel.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;

/** Draft a new agreement; the actor becomes its first partner. */
public record DraftAgreement(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             @Confidential PrivateText title,
                             Long expectedVersion) implements AgreementCommand {
}
