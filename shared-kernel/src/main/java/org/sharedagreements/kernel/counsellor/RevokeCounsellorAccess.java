package org.sharedagreements.kernel.counsellor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharedagreements.kernel.AgreementCommand;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.CounsellorId;
import org.sharedagreements.kernel.PartnerId;

/** Revoke a counsellor's access (pending or granted), alone and at once. */
public record RevokeCounsellorAccess(@TargetAggregateIdentifier AgreementId agreementId,
                                     PartnerId actor,
                                     CounsellorId counsellorId,
                                     Long expectedVersion) implements AgreementCommand {
}
