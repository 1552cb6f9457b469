package org.sharedagreements.web.live;

import jakarta.servlet.http.HttpSession;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementReads;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.projection.Projections;
import org.sharedagreements.query.stream.TimelineStreams;
import org.sharedagreements.query.timeline.TimelineEntry;
import org.sharedagreements.web.session.SignedInPerson;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /app/agreements/{a}/live}: for a signed-in session that may see the agreement (the same gate as every
 * page; 404 otherwise), {@code event: agreement-changed} with {@code data: <version>} after each event the read
 * models applied, and nothing of the event itself: the page reads what changed through its own gate. The stream is
 * one of {@link TimelineStreams}' (one place of the caller's few, a heartbeat that finds a client gone, no
 * database connection held between rounds) and ends when the session would expire if it is not used again.
 */
@QuerySide
@Controller
public class LivePages {

    /** The event's name, which {@code live.js} listens for. */
    public static final String CHANGED = "agreement-changed";

    private final TimelineStreams streams;
    private final AgreementReads reads;
    private final Clock clock;

    public LivePages(TimelineStreams streams, AgreementReads reads, Clock clock) {
        this.streams = streams;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/app/agreements/{a}/live")
    public CompletableFuture<SseEmitter> live(SignedInPerson person, @PathVariable("a") AgreementId agreementId,
                                              HttpSession session) {
        Caller caller = untilSessionExpires(person.caller(), session);
        return streams.open(caller, admitted -> reads.forPartners(admitted, agreementId, null, Projections.TIMELINE),
                null, LivePages::changed);
    }

    private static SseEmitter.SseEventBuilder changed(TimelineEntry entry) {
        String version = Long.toString(entry.sequence());
        return SseEmitter.event().id(version).name(CHANGED).data(version);
    }

    /**
     * The session's caller, ending when the session would time out had this request been its last: a stream does
     * not keep a session alive, and a browser that reconnects after it ends renews it or is sent to sign in.
     */
    private Caller untilSessionExpires(Caller caller, HttpSession session) {
        int seconds = session.getMaxInactiveInterval();
        if (seconds <= 0) {
            return caller;
        }
        Instant sessionEnd = clock.instant().plusSeconds(seconds);
        Instant end = caller.expiresAt() == null || sessionEnd.isBefore(caller.expiresAt())
                ? sessionEnd : caller.expiresAt();
        return new Caller(caller.userId(), caller.roles(), end);
    }
}
