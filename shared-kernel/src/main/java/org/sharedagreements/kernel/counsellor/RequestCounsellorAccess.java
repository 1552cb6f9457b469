package org.sharedagreements.kernel.counsellor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** Ask for a counsellor to read the agreement; the request counts as the requester's approval. */
public record RequestCounsellorAccess(@TargetAggregateIdentifier AgreementId agreementId,
                                      PartnerId actor,
                                      CounsellorId counsellorId,
                                      Long expectedVersion) implements AgreementCommand {
}
