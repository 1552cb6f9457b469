package org.sharedagreements.query.access;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.AccessRole;

import java.util.Objects;

/**
 * Proof that {@link AgreementGate} let a caller see an agreement, and in what capacity. Only the gate makes one,
 * and the read models answer questions about one agreement only when handed one, so an endpoint that forgot the
 * gate does not compile.
 */
public final class VisibleAgreement {

    private final AgreementId agreementId;
    private final Caller caller;
    private final AccessRole role;
    private final Audience audience;

    VisibleAgreement(AgreementId agreementId, Caller caller, AccessRole role, Audience audience) {
        this.agreementId = Objects.requireNonNull(agreementId, "which agreement");
        this.caller = Objects.requireNonNull(caller, "seen by whom");
        this.role = Objects.requireNonNull(role, "seen as what");
        this.audience = Objects.requireNonNull(audience, "through which endpoints");
    }

    public AgreementId agreementId() {
        return agreementId;
    }

    public Caller caller() {
        return caller;
    }

    public AccessRole role() {
        return role;
    }

    Audience audience() {
        return audience;
    }

    @Override
    public String toString() {
        return "VisibleAgreement[" + agreementId + " as " + role + "]";
    }
}
