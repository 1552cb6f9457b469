package org.sharedagreements.query.timeline;

import org.axonframework.common.Registration;
import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.QuerySide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one place that hears "timeline appended (agreement, sequence)", which is also the projections' progress
 * signal: the timeline projection shares one event processor, and so the transaction of every batch, with the
 * other projections, and announces each agreement's newest entry once that transaction committed, so whoever
 * reads the tables then finds the entry and everything the other projections applied with it. Listeners (the
 * live streams, the {@code minVersion} waits) only learn that something landed and read the tables themselves,
 * so a signal that arrives late, twice or out of order does no harm. A bridge from other nodes (PostgreSQL
 * LISTEN/NOTIFY) calls {@link #publish} with what it hears, and {@link #resynchronise} when it may have missed
 * some (its connection was down); the listeners cannot tell the difference.
 */
@QuerySide
@Component
public class TimelineSignals {

    private static final Logger log = LoggerFactory.getLogger(TimelineSignals.class);

    private final List<Consumer<TimelineAppended>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resynchronisers = new CopyOnWriteArrayList<>();

    /** Announces the entry after the current transaction commits (at once when there is none); nothing on rollback. */
    public void appendedAfterCommit(AgreementId agreementId, long sequence) {
        TimelineAppended signal = new TimelineAppended(agreementId, sequence);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(signal);
                }
            });
        } else {
            publish(signal);
        }
    }

    /** Tells every listener now; a failing listener is logged and does not stop the others. */
    public void publish(TimelineAppended signal) {
        Objects.requireNonNull(signal, "publish a signal, not null");
        for (Consumer<TimelineAppended> listener : listeners) {
            try {
                listener.accept(signal);
            } catch (RuntimeException e) {
                log.warn("A timeline listener failed on {}", signal, e);
            }
        }
    }

    /** Signals may have been missed: every listener that cares looks at everything it follows again. */
    public void resynchronise() {
        for (Runnable resynchroniser : resynchronisers) {
            try {
                resynchroniser.run();
            } catch (RuntimeException e) {
                log.warn("A timeline listener failed to resynchronise", e);
            }
        }
    }

    /** Adds a listener; cancel the registration to remove it. */
    public Registration subscribe(Consumer<TimelineAppended> listener) {
        Objects.requireNonNull(listener, "subscribe a listener, not null");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Adds a listener that also hears {@link #resynchronise}; cancel the registration to remove both. */
    public Registration subscribe(Consumer<TimelineAppended> listener, Runnable resynchroniser) {
        Objects.requireNonNull(resynchroniser, "subscribe a resynchroniser, not null");
        Registration appended = subscribe(listener);
        resynchronisers.add(resynchroniser);
        return () -> {
            resynchronisers.remove(resynchroniser);
            return appended.cancel();
        };
    }

    /** How many listeners are subscribed (for tests and diagnostics). */
    public int listenerCount() {
        return listeners.size();
    }
}
