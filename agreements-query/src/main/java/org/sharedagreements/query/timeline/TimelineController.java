package org.sharedagreements.query.timeline;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.CompletableFuture;

/** {@code GET /api/agreements/{a}/timeline}: the agreement's events in sequence order, a page at a time. */
@QuerySide
@RestController
public record TimelineController(TimelineRepository timeline, AgreementReads reads) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /** Up to {@code limit} events after sequence {@code after} (from the first event when absent). */
    @GetMapping("/api/agreements/{a}/timeline")
    public CompletableFuture<TimelinePage> timeline(Caller caller,
                                                    @PathVariable("a") AgreementId agreementId,
                                                    @RequestParam(value = "after", required = false) @WholeNumber String after,
                                                    @RequestParam(value = "limit", required = false) @WholeNumber(min = 1, max = MAX_LIMIT) String limit,
                                                    @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion) {
        Long afterSequence = QueryValues.wholeNumber(after);
        Long pageSize = QueryValues.wholeNumber(limit);
        int size = pageSize == null ? DEFAULT_LIMIT : pageSize.intValue();
        return reads.forPartners(caller, agreementId, minVersion, Projections.TIMELINE)
                .thenApply(visible -> TimelinePage.of(
                        timeline.page(visible, afterSequence == null ? -1 : afterSequence, size + 1), size));
    }
}
