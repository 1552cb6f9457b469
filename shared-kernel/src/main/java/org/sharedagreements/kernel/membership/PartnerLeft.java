package org.sharedagreements.kernel.membership;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** The actor left the agreement. */
@Revision("1")
public record PartnerLeft(AgreementId agreementId,
                          PartnerId actor) implements AgreementEvent {
}
