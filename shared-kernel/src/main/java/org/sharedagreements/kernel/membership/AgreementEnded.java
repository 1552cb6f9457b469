package org.sharedagreements.kernel.membership;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/** The agreement ended for everyone; nothing more can happen to it. */
@Revision("1")
public record AgreementEnded(AgreementId agreementId,
                             PartnerId actor,
                             EndReason reason) implements AgreementEvent {
}
