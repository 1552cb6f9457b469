package org.sharedagreements.app.commandbus;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command whose events lost the race to be appended (another node appended to the same agreement
 * first), with a short, jittered back-off; the retry decides again on the newer state, so a rule refuses it only
 * if the rule itself fails then. Nothing else is retried: a broken rule or a bad request fails at once.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long baseDelayMillis;

    public ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long baseDelayMillis) {
        if (maxRetries < 0 || baseDelayMillis < 0) {
            throw new IllegalArgumentException("retries and delay must not be negative");
        }
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.baseDelayMillis = baseDelayMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConcurrentAppend(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long delay = baseDelayMillis * failures.size() + ThreadLocalRandom.current().nextLong(baseDelayMillis + 1);
        log.debug("Retrying {} after a concurrent append (attempt {})", commandMessage.getCommandName(), failures.size());
        executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * Walks the cause chain, which is sound here because the gateway dispatches to the local command bus: the
     * append that lost the race ran in this JVM and its {@link ConcurrencyException} is the cause itself. On a
     * distributed command bus the handling node's failure arrives without its cause (only a
     * {@code CommandExecutionException}'s details cross); the retry would then belong on the handling node, or
     * the conflict in the details.
     */
    static boolean isConcurrentAppend(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
