package org.sharedagreements.kernel.redflag;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;

/** Mark a red flag as addressed. */
public record AddressRedFlag(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             RedFlagId flagId,
                             @Confidential PrivateText note,
                             Long expectedVersion) implements AgreementCommand {
}
