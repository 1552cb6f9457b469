package org.sharedagreements.query.stream;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.Audience;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.web.QueryParameters;
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
@QuerySide
@RestController
public class TimelineStreamController {

    private final TimelineStreams streams;
    private final AgreementGate gate;

    public TimelineStreamController(TimelineStreams streams, AgreementGate gate) {
        this.streams = streams;
        this.gate = gate;
    }

    @GetMapping("/api/agreements/{a}/stream")
    public CompletableFuture<SseEmitter> stream(@PathVariable("a") String a,
                                                @RequestParam(value = "after", required = false) String after,
                                                @RequestParam(value = "minVersion", required = false) String minVersion,
                                                @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                                Authentication authentication) {
        QueryParameters parameters = new QueryParameters();
        AgreementId agreementId = parameters.agreementId("agreementId", a);
        Long afterSequence = after != null ? parameters.wholeNumber("after", after, -1, Long.MAX_VALUE)
                : parameters.wholeNumber("Last-Event-ID", lastEventId, 0, Long.MAX_VALUE);
        Long version = parameters.minVersion(minVersion);
        parameters.throwIfInvalid();
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
