package org.sharedagreements.query.stream;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.Registration;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.access.AgreementGate;
import org.sharedagreements.query.access.Caller;
import org.sharedagreements.query.access.VisibleAgreement;
import org.sharedagreements.query.timeline.TimelineAppended;
import org.sharedagreements.query.timeline.TimelineEntry;
import org.sharedagreements.query.timeline.TimelineRepository;
import org.sharedagreements.query.timeline.TimelineSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sharedagreements.query.web.QueryProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The registry of open timeline streams. It listens to {@link TimelineSignals}; on a signal for an agreement every
 * open stream of that agreement reads the entries after the last one it sent from the read model and sends them,
 * so a stream sends every entry once, in order, whatever signals arrive. Sending happens on this registry's own
 * threads, never on the projection's. A stream is removed from the registry when its client goes away (a failed
 * write; a heartbeat comment is written every {@code agreements.stream.heartbeat} so a silent agreement finds out
 * too), when it times out ({@code agreements.stream.timeout}), when its caller's token expires, or when its caller
 * may no longer see the agreement (the gate is asked again on every round). One caller has at most
 * {@code agreements.stream.max-per-caller} streams open on a node; more are 429.
 */
@QuerySide
@Component
@EnableConfigurationProperties(StreamSettings.class)
public class TimelineStreams {

    private static final Logger log = LoggerFactory.getLogger(TimelineStreams.class);
    private static final int PAGE = 200;
    private static final Duration RECONNECT = Duration.ofSeconds(3);

    /** How {@code GET /api/agreements/{a}/stream} writes an entry: its JSON as {@code data:}, its sequence as {@code id:}. */
    public static final Function<TimelineEntry, SseEmitter.SseEventBuilder> TIMELINE_JSON = entry ->
            SseEmitter.event().id(Long.toString(entry.sequence())).data(entry, MediaType.APPLICATION_JSON);

    private final TimelineRepository timeline;
    private final AgreementGate gate;
    private final Duration timeout;
    private final int maxPerCaller;
    private final Map<AgreementId, Set<Stream>> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perCaller = new ConcurrentHashMap<>();
    private final ScheduledExecutorService senders;
    private final Registration signalRegistration;

    public TimelineStreams(TimelineRepository timeline, AgreementGate gate, TimelineSignals signals,
                           StreamSettings settings) {
        this.timeline = Objects.requireNonNull(timeline, "streams read the timeline");
        this.gate = Objects.requireNonNull(gate, "streams ask the gate who may see an agreement");
        this.timeout = settings.timeout();
        this.maxPerCaller = settings.maxPerCaller();
        Duration heartbeat = settings.heartbeat();
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newScheduledThreadPool(settings.senderThreads(), runnable -> {
            Thread thread = new Thread(runnable, "timeline-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.senders.scheduleWithFixedDelay(this::scheduledHeartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
        this.signalRegistration = signals.subscribe(this::onAppended, this::heartbeat);
    }

    /**
     * Takes one of the caller's stream places, or answers 429 when they hold them all; give it back with
     * {@link #release} if the stream does not open after all.
     */
    public void reserve(Caller caller) {
        AtomicInteger mine = perCaller.computeIfAbsent(caller.userId(), id -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerCaller) {
            release(caller);
            throw QueryProblems.tooMany("You have " + maxPerCaller + " live streams open already; close one first.",
                    (int) RECONNECT.toSeconds());
        }
    }

    public void release(Caller caller) {
        perCaller.computeIfPresent(caller.userId(), (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /**
     * Opens a stream for the caller once {@code admit} (the gate, with whatever wait the request asked for) lets them
     * see the agreement, in one of the caller's places ({@link #reserve}, given back if it does not open), each entry
     * written as {@code format} says. Every live endpoint opens its streams here, so all share the same limits.
     */
    public CompletableFuture<SseEmitter> open(Caller caller,
                                              Function<Caller, CompletableFuture<VisibleAgreement>> admit, Long after,
                                              Function<TimelineEntry, SseEmitter.SseEventBuilder> format) {
        reserve(caller);
        try {
            return admit.apply(caller)
                    .thenApply(visible -> open(visible, after, format))
                    .whenComplete((emitter, failure) -> {
                        if (failure != null) {
                            release(caller);
                        }
                    });
        } catch (RuntimeException e) {
            release(caller);
            throw e;
        }
    }

    /**
     * Opens a stream of the agreement's timeline for a caller the gate let see it, in one of the places the caller
     * {@link #reserve reserved}: first the entries after {@code after} (every entry from the first with -1), then
     * each entry as it lands. With {@code after} null the stream starts with the next entry to land. The stream
     * ends when it times out or the caller's token expires, whichever comes first.
     */
    public SseEmitter open(VisibleAgreement agreement, Long after) {
        return open(agreement, after, TIMELINE_JSON);
    }

    private SseEmitter open(VisibleAgreement agreement, Long after,
                            Function<TimelineEntry, SseEmitter.SseEventBuilder> format) {
        Caller caller = agreement.caller();
        Duration left = caller.expiresAt() == null ? timeout
                : Duration.between(Instant.now(), caller.expiresAt());
        long start = after == null ? timeline.lastSequence(agreement) : after;
        SseEmitter emitter = new SseEmitter(Math.max(1, Math.min(timeout.toMillis(), left.toMillis())));
        Stream stream = new Stream(agreement, emitter, format);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        synchronized (stream) {
            open.computeIfAbsent(agreement.agreementId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
            stream.lastSent = start;
            // Spring sends the response headers with the first write only; without this the client would see
            // nothing until the first event or heartbeat. The retry field tells browsers when to reconnect.
            stream.opened();
        }
        schedule(stream);
        return emitter;
    }

    /** How many streams of the agreement are open (what the tests and diagnostics look at). */
    public int openStreams(AgreementId agreementId) {
        Set<Stream> streams = open.get(agreementId);
        return streams == null ? 0 : streams.size();
    }

    public int openStreams() {
        return open.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Catches every open stream up, ends those whose caller may no longer see the agreement, and writes a comment
     * to the rest, which finds and removes streams whose client went away. Runs every
     * {@code agreements.stream.heartbeat}; it is also the fallback should a signal ever be missed.
     */
    public void heartbeat() {
        open.values().forEach(streams -> List.copyOf(streams).forEach(Stream::heartbeat));
    }

    private void scheduledHeartbeat() {
        try {
            heartbeat();
        } catch (RuntimeException e) {
            // a failed round must not end the schedule
            log.warn("Timeline stream heartbeat failed", e);
        }
    }

    /**
     * Ends every stream as soon as the service starts shutting down: the web server's graceful shutdown waits for
     * open requests, and a live stream would otherwise hold every shutdown for its whole grace period. Clients
     * reconnect (to another node) at once.
     */
    @EventListener(ContextClosedEvent.class)
    public void shuttingDown() {
        closeAll();
    }

    @PreDestroy
    public void closeAll() {
        signalRegistration.cancel();
        senders.shutdownNow();
        open.values().forEach(streams -> streams.forEach(stream -> stream.end(null)));
        open.clear();
    }

    private void onAppended(TimelineAppended signal) {
        Set<Stream> streams = open.get(signal.agreementId());
        if (streams != null) {
            streams.forEach(this::schedule);
        }
    }

    private void schedule(Stream stream) {
        try {
            senders.execute(stream::drain);
        } catch (RejectedExecutionException e) {
            stream.end(null);
        }
    }

    private final class Stream {
        private final VisibleAgreement agreement;
        private final AgreementId agreementId;
        private final SseEmitter emitter;
        private final Function<TimelineEntry, SseEmitter.SseEventBuilder> format;
        private final AtomicBoolean released = new AtomicBoolean();
        private long lastSent;
        private volatile boolean closed;

        private Stream(VisibleAgreement agreement, SseEmitter emitter,
                       Function<TimelineEntry, SseEmitter.SseEventBuilder> format) {
            this.agreement = agreement;
            this.agreementId = agreement.agreementId();
            this.emitter = emitter;
            this.format = format;
        }

        /** Sends every entry after the last one sent; ends the stream if the caller may no longer see the agreement. */
        synchronized void drain() {
            if (closed) {
                return;
            }
            try {
                if (!gate.stillVisible(agreement)) {
                    close();
                    end(null);
                    return;
                }
                List<TimelineEntry> entries;
                do {
                    entries = timeline.page(agreement, lastSent, PAGE);
                    for (TimelineEntry entry : entries) {
                        emitter.send(format.apply(entry));
                        lastSent = entry.sequence();
                    }
                } while (entries.size() == PAGE && !closed);
            } catch (IOException | IllegalStateException e) {
                gone(e);
            } catch (RuntimeException e) {
                log.warn("Timeline stream of {} failed; closing it so the client reconnects: {}", agreementId, e.toString());
                close();
                end(e);
            }
        }

        /**
         * Catches up and checks access as on a signal (so a missed signal or a revoked grant is noticed within one
         * heartbeat), then writes a comment so a client that went away is noticed even when nothing happens.
         */
        synchronized void opened() {
            try {
                emitter.send(SseEmitter.event().comment("open").reconnectTime(RECONNECT.toMillis()));
            } catch (IOException | IllegalStateException e) {
                gone(e);
            }
        }

        synchronized void heartbeat() {
            drain();
            if (closed) {
                return;
            }
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                gone(e);
            }
        }

        /** The client went away (or the emitter is already done): forget the stream. */
        private void gone(Exception cause) {
            log.debug("Timeline stream of {} closed: {}", agreementId, cause.toString());
            close();
            end(cause);
        }

        /**
         * Ends the response, unless the container already did: after a client went away Tomcat refuses any further
         * use of the request from our threads, which is fine, the stream is over either way.
         */
        void end(Throwable cause) {
            try {
                if (cause == null) {
                    emitter.complete();
                } else {
                    emitter.completeWithError(cause);
                }
            } catch (IllegalStateException alreadyEnded) {
                log.debug("Timeline stream of {} was already ended by the container", agreementId);
            }
        }

        void close() {
            closed = true;
            if (released.compareAndSet(false, true)) {
                release(agreement.caller());
            }
            open.computeIfPresent(agreementId, (id, streams) -> {
                streams.remove(this);
                return streams.isEmpty() ? null : streams;
            });
        }
    }
}
