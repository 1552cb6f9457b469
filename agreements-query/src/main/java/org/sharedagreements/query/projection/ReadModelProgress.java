package org.sharedagreements.query.projection;

import org.sharedagreements.kernel.AgreementId;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

/**
 * Waits until projections applied an agreement's event n ({@code minVersion}): it checks the progress table,
 * then sleeps until a projection on this node commits (see {@link ProgressSignal}) or the poll interval passes,
 * so it sees progress made on other nodes too without spinning.
 */
public class ReadModelProgress {

    private final ProjectionProgress progress;
    private final Duration pollInterval;

    public ReadModelProgress(ProjectionProgress progress, Duration pollInterval) {
        this.progress = Objects.requireNonNull(progress, "waiting needs the projection progress");
        this.pollInterval = Objects.requireNonNull(pollInterval, "waiting needs a poll interval");
    }

    /** True as soon as every named projection applied the agreement's event {@code sequence}; false after {@code timeout}. */
    public boolean await(AgreementId agreementId, long sequence, Collection<String> projections, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (projections.stream().allMatch(p -> progress.hasApplied(p, agreementId, sequence))) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                progress.signal().awaitNext(Duration.ofNanos(Math.min(left, pollInterval.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
