package org.sharedagreements.query.caseload;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.Gated;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/counsellor/caseload}, for callers with the counsellor role (others get 403): every agreement
 * granted to the caller, most urgent first ({@link Caseloads}). As on the agreement list, {@code minVersion} needs
 * {@code agreementId}.
 */
@QuerySide
@RestController
public record CaseloadController(Caseloads caseloads) {

    @GetMapping("/api/counsellor/caseload")
    public CompletableFuture<List<CaseloadEntry>> caseload(
            @Gated(scope = Scope.CASELOAD) Caller caller,
            @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
            @RequestParam(value = "agreementId", required = false) AgreementId agreementId) {
        return caseloads.of(caller, agreementId, minVersion);
    }
}
