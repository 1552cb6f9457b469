package org.sharedagreements.kernel.redflag;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;
import org.sharedagreements.kernel.RedFlagIndicator;

/** The actor raised a red flag. */
@Revision("1")
public record RedFlagRaised(AgreementId agreementId,
                            PartnerId actor,
                            RedFlagId flagId,
                            RedFlagIndicator indicator,
                            @Confidential PrivateText note) implements RedFlagEvent {
}
