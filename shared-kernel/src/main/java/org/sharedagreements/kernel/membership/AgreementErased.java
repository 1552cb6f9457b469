package org.sharedagreements.kernel.membership;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementEvent;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.PartnerId;

/**
 * The actor erased the agreement's content: its data key is destroyed, so every earlier event's content reads as
 * erased from now on, while the timeline's structure and hashes stay. Nothing more can change in it.
 */
@Revision("1")
public record AgreementErased(AgreementId agreementId,
                              PartnerId actor) implements AgreementEvent {
}
