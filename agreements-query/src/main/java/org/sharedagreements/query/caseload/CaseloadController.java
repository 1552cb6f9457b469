package org.sharedagreements.query.caseload;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.sharedagreements.query.web.QueryParameters;
import org.sharedagreements.query.web.QueryProblems;
import org.sharedagreements.query.web.ReadAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/counsellor/caseload}, for callers with the counsellor role (others get 403): every agreement
 * granted to the caller, those needing attention first. As on the agreement list, {@code minVersion} needs
 * {@code agreementId}.
 */
@RestController
public class CaseloadController {

    private final AgreementStateRepository states;
    private final ReadAccess readAccess;
    private final Clock clock;

    public CaseloadController(AgreementStateRepository states, ReadAccess readAccess, ObjectProvider<Clock> clock) {
        this.states = states;
        this.readAccess = readAccess;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @GetMapping("/api/counsellor/caseload")
    public List<CaseloadEntry> caseload(@RequestParam(value = "minVersion", required = false) String minVersion,
                                        @RequestParam(value = "agreementId", required = false) String agreementId,
                                        Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (!caller.counsellor()) {
            throw QueryProblems.forbidden("Only counsellors have a caseload.");
        }
        QueryParameters parameters = new QueryParameters();
        Long version = parameters.minVersion(minVersion);
        AgreementId awaited = agreementId == null ? null : parameters.agreementId("agreementId", agreementId);
        if (minVersion != null && agreementId == null) {
            parameters.reject("agreementId", "is required with minVersion: the agreement whose version to wait for");
        }
        parameters.throwIfInvalid();
        if (awaited != null) {
            readAccess.awaitForListing(awaited, caller, version);
        }
        Instant now = clock.instant();
        List<CaseloadEntry> entries = states.grantedTo(caller.userId()).stream()
                .map(state -> Caseload.entry(state, now)).toList();
        return entries.stream().sorted((x, y) -> Boolean.compare(y.needsAttention(), x.needsAttention())).toList();
    }
}
