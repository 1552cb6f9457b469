package org.sharedagreements.kernel.counsellor;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** Every partner approved: the counsellor may read the agreement. */
@Revision("1")
public record CounsellorAccessGranted(AgreementId agreementId,
                                      PartnerId actor,
                                      CounsellorId counsellorId) implements CounsellorEvent {
}
