package org.sharedagreements.kernel.breach;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;

/** Confirm that a breach is resolved; it is resolved when every partner confirmed. */
public record ConfirmBreachResolution(@TargetAggregateIdentifier AgreementId agreementId,
                                      PartnerId actor,
                                      BreachId breachId,
                                      @Confidential PrivateText note,
                                      Long expectedVersion) implements AgreementCommand {
}
