package org.sharedagreements.query.caseload;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.access.Scope;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.agreement.AgreementStateRepository;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A counsellor's caseload as {@code GET /api/counsellor/caseload} and the caseload page both read it: the
 * agreements the gate says were granted to the caller, each with what needs attention now, most urgent first
 * ({@link Caseload#MOST_URGENT_FIRST}). 403 for a caller without the counsellor role, before anything is read.
 */
@QuerySide
@Service
public class Caseloads {

    private final AgreementStateRepository states;
    private final AgreementGate gate;
    private final AgreementReads reads;
    private final Clock clock;

    public Caseloads(AgreementStateRepository states, AgreementGate gate, AgreementReads reads, Clock clock) {
        this.states = states;
        this.gate = gate;
        this.reads = reads;
        this.clock = clock;
    }

    /** Once the agreement {@code awaited} applied event {@code minVersion} (both null: at once), as on the agreement list. */
    public CompletableFuture<List<CaseloadEntry>> of(Caller caller, AgreementId awaited, String minVersion) {
        gate.require(caller, Scope.CASELOAD);
        return reads.listing(caller, Audience.PARTNERS, awaited, minVersion).thenApply(ready -> {
            Instant now = clock.instant();
            return states.states(gate.caseloadOf(caller)).stream().map(state -> Caseload.entry(state, now))
                    .sorted(Caseload.MOST_URGENT_FIRST).toList();
        });
    }
}
