package org.sharedagreements.kernel.membership;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** The actor invited someone to join as a partner. */
@Revision("1")
public record PartnerInvited(AgreementId agreementId,
                             PartnerId actor,
                             PartnerId partnerId) implements AgreementEvent {
}
