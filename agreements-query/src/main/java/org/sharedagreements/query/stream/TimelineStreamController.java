package org.sharedagreements.query.stream;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.web.QueryValues;
import org.sharedagreements.query.web.WholeNumber;
import org.springframework.security.core.Authentication;
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
@RestController
public class TimelineStreamController {

    private final TimelineStreams streams;
    private final AgreementGate gate;

    public TimelineStreamController(TimelineStreams streams, AgreementGate gate) {
        this.streams = streams;
        this.gate = gate;
    }

    @GetMapping("/api/agreements/{a}/stream")
    public CompletableFuture<SseEmitter> stream(@PathVariable("a") AgreementId agreementId,
                                                @RequestParam(value = "after", required = false) @WholeNumber(min = -1) String after,
                                                @RequestParam(value = "minVersion", required = false) @WholeNumber String minVersion,
                                                @RequestHeader(value = "Last-Event-ID", required = false) @WholeNumber String lastEventId,
                                                Authentication authentication) {
        Long afterSequence = QueryValues.wholeNumber(after != null ? after : lastEventId);
        Long version = QueryValues.wholeNumber(minVersion);
        Caller caller = Caller.of(authentication);
        streams.reserve(caller);
        try {
            return gate.open(agreementId, caller, Audience.PARTNERS, version, Projections.TIMELINE)
                    .thenApply(visible -> streams.open(visible, afterSequence))
                    .whenComplete((emitter, failure) -> {
                        if (failure != null) {
                            streams.release(caller);
                        }
                    });
        } catch (RuntimeException e) {
            streams.release(caller);
            throw e;
        }
    }
}
