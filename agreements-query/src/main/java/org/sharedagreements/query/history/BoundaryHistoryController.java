package org.sharedagreements.query.history;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.kernel.BoundaryId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.web.WholeNumber;
import org.sharedagreements.query.web.QueryProblems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code GET /api/agreements/{a}/boundaries/{b}/history}: every version of a boundary and what changed between those in force. */
@QuerySide
@RestController
public record BoundaryHistoryController(BoundaryHistoryRepository history, AgreementReads reads) {

    @GetMapping("/api/agreements/{a}/boundaries/{b}/history")
    public CompletableFuture<BoundaryHistory> history(Caller caller,
                                                      @PathVariable("a") AgreementId agreementId,
                                                      @PathVariable("b") BoundaryId boundaryId,
                                                      @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        return reads.forPartners(caller, agreementId, minVersion, Projections.BOUNDARY_HISTORY).thenApply(visible -> {
                    List<BoundaryVersion> versions = history.versions(visible, boundaryId);
                    if (versions.isEmpty()) {
                        throw QueryProblems.notFound("boundary");
                    }
                    return BoundaryHistory.of(agreementId.toString(), boundaryId.toString(), versions);
                });
    }
}
