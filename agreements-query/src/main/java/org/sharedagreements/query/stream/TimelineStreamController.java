package org.sharedagreements.query.stream;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.kernel.InvalidValue;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/agreements/{a}/stream}: the agreement's timeline as Server-Sent Events, one {@code data:} line
 * with a timeline entry (the JSON of {@code /timeline}) and {@code id:} its sequence per event. {@code after} (or
 * the {@code Last-Event-ID} a reconnecting browser sends) resumes: the entries after it come first. Without either
 * the stream starts with the next event; {@code after=-1} sends the whole timeline first. {@code minVersion}
 * waits as on every query before the stream opens.
 */
@QuerySide
@RestController
public record TimelineStreamController(TimelineStreams streams, AgreementReads reads) {

    private static final String LAST_EVENT_ID = "Last-Event-ID";

    @GetMapping("/api/agreements/{a}/stream")
    public CompletableFuture<SseEmitter> stream(Caller caller,
                                                @PathVariable("a") AgreementId agreementId,
                                                @RequestParam(value = "after", required = false) @WholeNumber(min = -1) String after,
                                                @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
                                                @RequestHeader(value = LAST_EVENT_ID, required = false) String lastEventId) {
        // the header counts only without after, as it did when a browser reconnects
        String resumeFrom = after != null ? after : lastEventId;
        String problem = after != null ? null : QueryValues.wholeNumberProblem(lastEventId, 0, Long.MAX_VALUE);
        if (problem != null) {
            throw new InvalidValue(LAST_EVENT_ID, problem);
        }
        Long afterSequence = QueryValues.wholeNumber(resumeFrom);
        return streams.open(caller,
                admitted -> reads.forPartners(admitted, agreementId, minVersion, Projections.TIMELINE),
                afterSequence, TimelineStreams.TIMELINE_JSON);
    }
}
