package org.sharedagreements.query.access;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.web.QueryValues;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * The steps every query endpoint takes before it reads: who asks, which agreement event to wait for
 * ({@code minVersion}, already checked by its constraint) and what the {@link AgreementGate} answers. The gate
 * decides; this only spares each endpoint from spelling the steps out again.
 */
@QuerySide
@Component
public class AgreementReads {

    private final AgreementGate gate;

    public AgreementReads(AgreementGate gate) {
        this.gate = gate;
    }

    /** The agreement for its partners and granted counsellors, once the named read models caught up. */
    public CompletableFuture<VisibleAgreement> forPartners(Caller caller, AgreementId agreementId, String minVersion,
                                                           String... readModels) {
        return gate.open(agreementId, caller, Audience.PARTNERS,
                QueryValues.wholeNumber(minVersion), readModels);
    }

    /** The agreement for an auditor, who entered through {@code @Gated(audit = true)} (asked again here, so no endpoint can forget it). */
    public CompletableFuture<VisibleAgreement> forAuditors(Caller caller, AgreementId agreementId, String minVersion) {
        gate.enterAudit(caller);
        return gate.open(agreementId, caller, Audience.AUDITORS, QueryValues.wholeNumber(minVersion));
    }

    /**
     * For a listing: completes once the agreement named by {@code agreementId} applied event {@code minVersion}
     * (see {@link AgreementGate#awaitForListing}); {@code minVersion} without {@code agreementId} is a 400.
     */
    public CompletableFuture<Void> listing(Caller caller, Audience audience, AgreementId agreementId,
                                           String minVersion) {
        return gate.awaitForListing(QueryValues.awaited(agreementId, minVersion), caller, audience,
                QueryValues.wholeNumber(minVersion));
    }
}
