package org.sharedagreements.kernel.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** Erase the agreement's content for good (crypto-shredding); any partner may, also after it ended. */
public record EraseAgreement(@TargetAggregateIdentifier AgreementId agreementId,
                             PartnerId actor,
                             Long expectedVersion) implements AgreementCommand {
}
