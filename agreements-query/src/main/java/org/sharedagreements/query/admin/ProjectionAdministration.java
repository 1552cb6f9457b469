package org.sharedagreements.query.admin;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.Projections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reports on the projections and rebuilds them. The projections share one event processor
 * ({@link Projections#PROCESSOR}), so they share its position, and a rebuild of any of them rebuilds all three from
 * the same pass over the events (the cost of a rebuild is reading and decrypting the events, not the writes). A
 * rebuild runs on a thread of its own: the processor is shut down (Axon resets tokens only while no segment is
 * claimed), the projections' dead letters are dropped (every event is applied again anyway), its tokens are reset
 * to the first event, which runs every projection's reset handler in the same transaction (they empty their
 * tables), and it is started again; the replay then runs in the processor while the service keeps serving. The
 * projections count as replaying from the request until the segments report they caught up with where the event
 * store was at the reset.
 *
 * <p>Positions come from the segments this node processes; on several query nodes each node reports its own.
 * Resetting needs every segment released, so on several nodes the other nodes must stop the processor first.
 */
@QuerySide
@Service
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Duration claimTimeout;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService rebuilds;

    public ProjectionAdministration(EventProcessingConfiguration processing, EventStore eventStore,
                                    AdminSettings settings) {
        this.processing = Objects.requireNonNull(processing, "administration needs the event processing configuration");
        this.eventStore = Objects.requireNonNull(eventStore, "administration needs the event store");
        this.claimTimeout = settings.replayClaimTimeout();
        AtomicInteger threads = new AtomicInteger();
        this.rebuilds = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "projection-replay-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return Projections.ALL.stream().map(name -> status(name, head)).flatMap(Optional::stream).toList();
    }

    public Optional<ProjectionStatus> status(String name) {
        return Projections.ALL.contains(name) ? status(name, head()) : Optional.empty();
    }

    /**
     * Starts rebuilding the projection (with the others of its processor) from the first event; false when there
     * is no such projection.
     */
    public boolean replay(String name) {
        Optional<StreamingEventProcessor> processor = processor(name);
        if (processor.isEmpty()) {
            return false;
        }
        if (rebuilding.compareAndSet(false, true)) {
            try {
                rebuilds.execute(() -> rebuild(name, processor.get()));
            } catch (RuntimeException e) {
                rebuilding.set(false);
                throw e;
            }
        }
        return true;
    }

    @PreDestroy
    public void stop() {
        rebuilds.shutdownNow();
    }

    private void rebuild(String name, StreamingEventProcessor processor) {
        try {
            log.info("Rebuilding projection {} (and the others of processor {}) from the first event", name,
                    Projections.PROCESSOR);
            processor.shutdownAsync().join();
            Projections.ALL.forEach(projection -> processing.deadLetterQueue(projection)
                    .ifPresent(SequencedDeadLetterQueue::clear));
            processor.resetTokens();
            processor.start();
            awaitSegmentsClaimed(name, processor);
        } catch (RuntimeException e) {
            log.error("Rebuilding projection {} failed", name, e);
            if (!processor.isRunning()) {
                processor.start();
            }
        } finally {
            rebuilding.set(false);
        }
    }

    /** Until the processor claimed its segments, its own status cannot say it is replaying; this covers the gap. */
    private void awaitSegmentsClaimed(String name, StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + claimTimeout.toNanos();
        while (processor.processingStatus().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (processor.processingStatus().isEmpty()) {
            log.warn("Projection {} claimed no segment within {} after its reset", name, claimTimeout);
        }
    }

    private Optional<ProjectionStatus> status(String name, long head) {
        return processor(name).map(processor -> {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            boolean replaying = rebuilding.get()
                    || segments.values().stream().anyMatch(ProjectionAdministration::stillReplaying);
            long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences)
                    .orElse(0L);
            return ProjectionStatus.of(name, position(segments.values()), head, replaying, deadLetters);
        });
    }

    /**
     * Axon keeps a segment's token a replay token until it handles an event past the position the store had at the
     * reset, so {@code isReplaying()} stays true on a quiet store after the replay did all its work. A segment is
     * still replaying here only while it has not reached that position.
     */
    private static boolean stillReplaying(EventTrackerStatus segment) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong reset = segment.getResetPosition();
        OptionalLong current = segment.getCurrentPosition();
        return reset.isEmpty() || current.isEmpty() || current.getAsLong() < reset.getAsLong();
    }

    /** The lowest position of the segments (the processor has applied everything up to it), 0 when unknown. */
    private static long position(Collection<EventTrackerStatus> segments) {
        if (segments.isEmpty()) {
            return 0;
        }
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isEmpty()) {
                return 0;
            }
            lowest = Math.min(lowest, position.getAsLong());
        }
        return lowest;
    }

    private long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private Optional<StreamingEventProcessor> processor(String name) {
        if (!Projections.ALL.contains(name)) {
            return Optional.empty();
        }
        return processing.eventProcessor(Projections.PROCESSOR, StreamingEventProcessor.class);
    }
}
