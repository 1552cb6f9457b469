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
 * rebuild runs on a thread of its own and never empties what partners read: {@link ReadModelRebuild} fills shadow
 * tables while the processor keeps the live ones current, and swaps them in one transaction once they caught up.
 * The projections count as replaying from the request until that swap committed, and report the rebuild's position
 * meanwhile; dead letters stay (see {@link ReadModelRebuild}).
 *
 * <p>Positions come from the segments this node processes; on several query nodes each node reports its own. Ask
 * one node for a rebuild at a time: the shadow tables are one set per database.
 */
@QuerySide
@Service
public class ProjectionAdministration {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdministration.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadModelRebuild rebuild;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    private final ExecutorService rebuilds;

    public ProjectionAdministration(EventProcessingConfiguration processing, EventStore eventStore,
                                    ReadModelRebuild rebuild) {
        this.processing = Objects.requireNonNull(processing, "administration needs the event processing configuration");
        this.eventStore = Objects.requireNonNull(eventStore, "administration needs the event store");
        this.rebuild = Objects.requireNonNull(rebuild, "administration rebuilds the read models");
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
     * is no such projection. A request while a rebuild runs joins it.
     */
    public boolean replay(String name) {
        Optional<StreamingEventProcessor> processor = processor(name);
        if (processor.isEmpty()) {
            return false;
        }
        if (rebuilding.compareAndSet(false, true)) {
            try {
                rebuilds.execute(() -> rebuild(name));
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

    private void rebuild(String name) {
        try {
            log.info("Rebuilding projection {} (and the others of processor {}) from the first event", name,
                    Projections.PROCESSOR);
            rebuild.run();
        } catch (RuntimeException e) {
            log.error("Rebuilding projection {} failed; the live read models are unchanged", name, e);
        } finally {
            rebuilding.set(false);
        }
    }

    private Optional<ProjectionStatus> status(String name, long head) {
        return processor(name).map(processor -> {
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            boolean replaying = rebuilding.get();
            long position = replaying ? rebuild.position() : position(segments.values());
            long deadLetters = processing.deadLetterQueue(name).map(SequencedDeadLetterQueue::amountOfSequences)
                    .orElse(0L);
            return ProjectionStatus.of(name, position, head, replaying, deadLetters);
        });
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
