package org.sharedagreements.query.caseload;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.Gated;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/counsellor/caseload}, for callers with the counsellor role (others get 403): every agreement
 * granted to the caller, those needing attention first. As on the agreement list, {@code minVersion} needs
 * {@code agreementId}.
 */
@QuerySide
@RestController
public record CaseloadController(AgreementStateRepository states, AgreementGate gate, AgreementReads reads, Clock clock) {

    @GetMapping("/api/counsellor/caseload")
    public CompletableFuture<List<CaseloadEntry>> caseload(
            @Gated(scope = Scope.CASELOAD) Caller caller,
            @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
            @RequestParam(value = "agreementId", required = false) AgreementId agreementId) {
        return reads.listing(caller, Audience.PARTNERS, agreementId, minVersion).thenApply(ready -> {
            Instant now = clock.instant();
            return states.states(gate.caseloadOf(caller)).stream().map(state -> Caseload.entry(state, now))
                    .sorted(Comparator.comparing(CaseloadEntry::needsAttention).reversed()).toList();
        });
    }
}
