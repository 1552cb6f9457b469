package org.sharedagreements.kernel.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Content;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PartnerId;

/** Draft a new agreement; the actor becomes its first partner. */
public record DraftAgreement(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             @Confidential String title,
                             Long expectedVersion) implements AgreementCommand {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
