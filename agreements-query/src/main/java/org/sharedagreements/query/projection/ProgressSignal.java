package org.sharedagreements.query.projection;

import java.time.Duration;

/**
 * Wakes readers waiting for a projection to catch up ({@code minVersion}) as soon as a projection on this node
 * committed, instead of letting them sleep out their whole poll interval. Projections on other nodes do not
 * signal here; waiters still poll the progress table, so the signal only shortens the wait.
 */
public final class ProgressSignal {

    private long generation;

    public synchronized void fire() {
        generation++;
        notifyAll();
    }

    /** Waits until the next {@link #fire()} or until {@code atMost} passed, whichever comes first. */
    public synchronized void awaitNext(Duration atMost) throws InterruptedException {
        long seen = generation;
        long deadline = System.nanoTime() + atMost.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
