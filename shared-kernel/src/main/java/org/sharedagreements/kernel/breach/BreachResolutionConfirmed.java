package org.sharedagreements.kernel.breach;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Content;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;

/** The actor confirmed that a breach is resolved. */
@Revision("1")
public record BreachResolutionConfirmed(AgreementId agreementId,
                                        PartnerId actor,
                                        BreachId breachId,
                                        @Confidential String note) implements BreachEvent {

    @Override
    public String toString() {
        return Content.describe(this);
    }
}
