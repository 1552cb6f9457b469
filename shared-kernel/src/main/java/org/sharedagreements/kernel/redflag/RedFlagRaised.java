package org.sharedagreements.kernel.redflag;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.Content;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;

/** The actor raised a red flag. */
@Revision("1")
public record RedFlagRaised(AgreementId agreementId,
                            PartnerId actor,
                            RedFlagId flagId,
                            @Confidential RedFlagIndicator indicator,
                            @Confidential PrivateText note) implements RedFlagEvent {

    /** The indicator is content (it says how a partner feels): never in a log line. */
    @Override
    public String toString() {
        return Content.describe(this);
    }
}
