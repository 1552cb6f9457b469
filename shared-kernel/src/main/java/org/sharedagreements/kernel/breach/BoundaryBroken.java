package org.sharedagreements.kernel.breach;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.Confidential;
import org.sharedagreements.kernel.PrivateText;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.kernel.BreachId;
import org.sharedagreements.kernel.PartnerId;
import java.time.Instant;

/** The actor reported that breachedBy broke the version in force of a boundary; selfDisclosed when they are the same partner. */
@Revision("1")
public record BoundaryBroken(AgreementId agreementId,
                             PartnerId actor,
                             BreachId breachId,
                             BoundaryId boundaryId,
                             int boundaryVersion,
                             PartnerId breachedBy,
                             boolean selfDisclosed,
                             @Confidential PrivateText description,
                             Instant occurredAt) implements BreachEvent {
}
