package org.sharedagreements.kernel.redflag;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Content;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;

/** Raise a red flag: an early warning sign one partner notices. */
public record RaiseRedFlag(@TargetAggregateIdentifier AgreementId agreementId,
                           PartnerId actor,
                           RedFlagId flagId,
                           RedFlagIndicator indicator,
                           @Confidential String note,
                           Long expectedVersion) implements AgreementCommand {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
