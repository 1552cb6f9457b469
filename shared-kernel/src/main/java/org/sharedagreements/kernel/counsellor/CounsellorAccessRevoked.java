package org.sharedagreements.kernel.counsellor;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** The counsellor's access (pending or granted) ended at once: revoked by the actor, or because membership changed. */
@Revision("1")
public record CounsellorAccessRevoked(AgreementId agreementId,
                                      PartnerId actor,
                                      CounsellorId counsellorId,
                                      RevocationReason reason) implements CounsellorEvent {
}
