package org.sharedagreements.kernel.membership;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** The actor joined the agreement as a partner. */
@Revision("1")
public record PartnerJoined(AgreementId agreementId,
                            PartnerId actor) implements AgreementEvent {
}
