package org.sharedagreements.kernel.breach;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;

/** The partner who broke the boundary acknowledged the breach. */
@Revision("1")
public record BreachAcknowledged(AgreementId agreementId,
                                 PartnerId actor,
                                 BreachId breachId) implements BreachEvent {
}
