package org.sharedagreements.kernel.counsellor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** Approve a pending counsellor access request. */
public record ApproveCounsellorAccess(@TargetAggregateIdentifier AgreementId agreementId,
                                      PartnerId actor,
                                      CounsellorId counsellorId,
                                      Long expectedVersion) implements AgreementCommand {
}
