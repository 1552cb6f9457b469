package org.sharedagreements.kernel.membership;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;

/** An agreement was drafted; the actor is its first partner. */
@Revision("1")
public record AgreementDrafted(AgreementId agreementId,
                               PartnerId actor,
                               @Confidential PrivateText title) implements AgreementEvent {
}
