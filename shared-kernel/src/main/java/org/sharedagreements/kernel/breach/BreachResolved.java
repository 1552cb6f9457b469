package org.sharedagreements.kernel.breach;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;

/** Every partner confirmed the resolution of a breach. */
@Revision("1")
public record BreachResolved(AgreementId agreementId,
                             PartnerId actor,
                             BreachId breachId) implements BreachEvent {
}
