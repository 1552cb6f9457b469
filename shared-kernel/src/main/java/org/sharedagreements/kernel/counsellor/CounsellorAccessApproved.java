package org.sharedagreements.kernel.counsellor;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** The actor approved a counsellor's pending access. */
@Revision("1")
public record CounsellorAccessApproved(AgreementId agreementId,
                                       PartnerId actor,
                                       CounsellorId counsellorId) implements CounsellorEvent {
}
