package org.sharedagreements.kernel.counsellor;

import org.axonframework.serialization.Revision;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** The actor asked for a counsellor to read the agreement; this counts as the actor's approval. */
@Revision("1")
public record CounsellorAccessRequested(AgreementId agreementId,
                                        PartnerId actor,
                                        CounsellorId counsellorId) implements CounsellorEvent {
}
