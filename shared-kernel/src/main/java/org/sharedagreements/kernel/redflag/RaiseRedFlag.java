package org.sharedagreements.kernel.redflag;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;

/** Raise a red flag: an early warning sign one partner notices. */
public record RaiseRedFlag(@TargetAggregateIdentifier AgreementId agreementId,
                           PartnerId actor,
                           RedFlagId flagId,
                           RedFlagIndicator indicator,
                           @Confidential PrivateText note,
                           Long expectedVersion) implements AgreementCommand {
}
