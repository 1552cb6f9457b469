package org.sharedagreements.query.projection;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the projections' processors read it, with one addition: their streams tell the processor when
 * events are available. Axon's pooled streaming processor cannot be told by the embedded event store's stream, so
 * it looks again every 500 ms, and a projection then lags a command by up to half a second (measured: a steady
 * ~490 ms for sequential commands). Here a stream's availability callback runs as soon as an append on this node
 * committed, and every {@code recheck} besides, so events appended by other nodes are still found as fast as
 * before.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private static final long[] AFTER_APPEND_MILLIS = {0, 3, 10, 30, 100};

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Registration appends;
    private final ScheduledExecutorService rechecks;

    public PromptEventSource(EventStore eventStore, Duration recheck) {
        this.eventStore = Objects.requireNonNull(eventStore, "a prompt event source reads an event store");
        if (recheck.isNegative() || recheck.isZero()) {
            throw new IllegalArgumentException("the recheck interval must be positive, not " + recheck);
        }
        this.appends = eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> appended());
            } else {
                appended();
            }
        });
        this.rechecks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-events-recheck");
            thread.setDaemon(true);
            return thread;
        });
        this.rechecks.scheduleWithFixedDelay(this::eventsAvailable, recheck.toMillis(), recheck.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * The event store hands a committed append to its streams on a thread of its own, a moment later; a processor
     * that looks before then finds nothing and would wait for the next recheck. So it is told a few times.
     */
    private void appended() {
        for (long delay : AFTER_APPEND_MILLIS) {
            rechecks.schedule(this::eventsAvailable, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Tells every open stream's processor to look for events now. */
    public void eventsAvailable() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void close() {
        appends.cancel();
        rechecks.shutdownNow();
        callbacks.clear();
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
