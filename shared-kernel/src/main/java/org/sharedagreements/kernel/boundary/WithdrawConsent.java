package org.sharedagreements.kernel.boundary;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.PartnerId;

/** Withdraw consent to an active boundary, unilaterally and at once. */
public record WithdrawConsent(@TargetAggregateIdentifier AgreementId agreementId,
                              PartnerId actor,
                              BoundaryId boundaryId,
                              @Confidential PrivateText reason,
                              Long expectedVersion) implements AgreementCommand {
}
