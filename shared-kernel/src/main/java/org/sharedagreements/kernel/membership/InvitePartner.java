package org.sharedagreements.kernel.membership;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** Invite someone to join the agreement as a partner. */
public record InvitePartner(@TargetAggregateIdentifier AgreementId agreementId,
                            PartnerId actor,
                            PartnerId partnerId,
                            Long expectedVersion) implements AgreementCommand {
}
