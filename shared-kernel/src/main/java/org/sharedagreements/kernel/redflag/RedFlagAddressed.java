package org.sharedagreements.kernel.redflag;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.PartnerId;
import org.sharedagreements.kernel.RedFlagId;

/** The actor marked a red flag as addressed. */
@Revision("1")
public record RedFlagAddressed(AgreementId agreementId,
                               PartnerId actor,
                               RedFlagId flagId,
                               @Confidential PrivateText note) implements RedFlagEvent {
}
