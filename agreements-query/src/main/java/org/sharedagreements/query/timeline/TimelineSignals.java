package org.sharedagreements.query.timeline;

import org.axonframework.common.Registration;
import org.sharedagreements.kernel.AgreementId;
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
 * The one place that hears "timeline appended (agreement, sequence)". The timeline projection announces each
 * entry once its transaction committed, so a listener reading the table always finds the entry. Listeners (the
 * live streams) only learn that something landed and read the entries themselves, so a signal that arrives late,
 * twice or out of order does no harm. A bridge from other nodes (PostgreSQL LISTEN/NOTIFY) can call
 * {@link #publish} with what it hears; the listeners cannot tell the difference.
 */
@Component
public class TimelineSignals {

    private static final Logger log = LoggerFactory.getLogger(TimelineSignals.class);

    private final List<Consumer<TimelineAppended>> listeners = new CopyOnWriteArrayList<>();

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

    /** Adds a listener; cancel the registration to remove it. */
    public Registration subscribe(Consumer<TimelineAppended> listener) {
        Objects.requireNonNull(listener, "subscribe a listener, not null");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many listeners are subscribed (for tests and diagnostics). */
    public int listenerCount() {
        return listeners.size();
    }
}
