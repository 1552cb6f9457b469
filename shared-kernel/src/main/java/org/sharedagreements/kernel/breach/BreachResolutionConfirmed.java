package org.sharedagreements.kernel.breach;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;

/** The actor confirmed that a breach is resolved. */
@Revision("1")
public record BreachResolutionConfirmed(AgreementId agreementId,
                                        PartnerId actor,
                                        BreachId breachId,
                                        @Confidential PrivateText note) implements BreachEvent {
}
