package org.sharedagreements.kernel.redflag;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Content;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;

/** Mark a red flag as addressed. */
public record AddressRedFlag(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             RedFlagId flagId,
                             @Confidential String note,
                             Long expectedVersion) implements AgreementCommand {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
