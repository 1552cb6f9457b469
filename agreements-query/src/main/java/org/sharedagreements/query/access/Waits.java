package org.sharedagreements.query.access;

import org.sharedagreements.kernel.AgreementId;
import org.sharedagreements.query.web.QueryProblems;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code minVersion} waits of one node. A wait holds no request thread (the request is asynchronous while it
 * waits) and polls nothing: it is checked once when it starts, again whenever the read models of its agreement
 * advance (the projections' signal, from this node or, through LISTEN/NOTIFY, from others), and a last time when
 * it times out, which answers it whatever the outcome. Every wait of an agreement that nobody can see therefore
 * costs the same and lasts the same, whether the agreement exists or not.
 */
final class Waits implements AutoCloseable {

    /** What a wait waits for: an answer as soon as there is one, and the answer once the time is up. */
    interface Condition<T> {

        /** The answer, if it is already known; empty to wait on. */
        Optional<T> early();

        /** The answer when the time is up, or the problem to answer with (thrown). */
        T atTimeout();
    }

    private static final int RETRY_AFTER_SECONDS = 1;

    private final Duration timeout;
    private final int maxPerCaller;
    private final int maxTotal;
    private final Map<AgreementId, Set<Wait<?>>> byAgreement = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byCaller = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final ExecutorService checks;
    private final ScheduledExecutorService timeouts;

    Waits(GateSettings settings) {
        this.timeout = settings.minVersionTimeout();
        this.maxPerCaller = settings.maxWaitsPerCaller();
        this.maxTotal = settings.maxWaits();
        this.checks = Executors.newFixedThreadPool(settings.waitThreads(), daemon("agreement-wait-"));
        this.timeouts = Executors.newSingleThreadScheduledExecutor(daemon("agreement-wait-timeout-"));
    }

    /**
     * Starts a wait on the agreement for the caller; 429 at once when the caller (or this node) already holds as
     * many waits as allowed.
     */
    <T> CompletableFuture<T> await(AgreementId agreementId, String callerId, Condition<T> condition) {
        reserve(callerId);
        Wait<T> wait = new Wait<>(agreementId, condition);
        byAgreement.computeIfAbsent(agreementId, id -> ConcurrentHashMap.newKeySet()).add(wait);
        wait.result.whenComplete((answer, failure) -> {
            byAgreement.computeIfPresent(agreementId, (id, waits) -> {
                waits.remove(wait);
                return waits.isEmpty() ? null : waits;
            });
            release(callerId);
            ScheduledFuture<?> expiry = wait.expiry;
            if (expiry != null) {
                expiry.cancel(false);
            }
        });
        try {
            wait.expiry = timeouts.schedule(() -> run(wait, wait::expire), timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(e);
        }
        check(wait);
        return wait.result;
    }

    /** The read models of the agreement advanced: its waits look again. */
    void advanced(AgreementId agreementId) {
        Set<Wait<?>> waits = byAgreement.get(agreementId);
        if (waits != null) {
            waits.forEach(this::check);
        }
    }

    /** Signals may have been missed (the channel to other nodes was down): every wait looks again. */
    void advancedAll() {
        byAgreement.values().forEach(waits -> waits.forEach(this::check));
    }

    int open() {
        return total.get();
    }

    @Override
    public void close() {
        timeouts.shutdownNow();
        checks.shutdownNow();
    }

    private void check(Wait<?> wait) {
        // one queued check per wait is enough: it reads the newest state when it runs
        if (wait.queued.compareAndSet(false, true)) {
            run(wait, () -> {
                wait.queued.set(false);
                wait.check();
            });
        }
    }

    private void run(Wait<?> wait, Runnable step) {
        try {
            checks.execute(step);
        } catch (RejectedExecutionException e) {
            wait.result.completeExceptionally(e);
        }
    }

    private void reserve(String callerId) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw QueryProblems.tooMany("This node is holding as many waits as it may; retry shortly.",
                    RETRY_AFTER_SECONDS);
        }
        AtomicInteger mine = byCaller.computeIfAbsent(callerId, id -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerCaller) {
            release(callerId);
            throw QueryProblems.tooMany("You have " + maxPerCaller + " queries waiting already; retry shortly.",
                    RETRY_AFTER_SECONDS);
        }
    }

    private void release(String callerId) {
        total.decrementAndGet();
        byCaller.computeIfPresent(callerId, (id, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Wait<T> {
        final AgreementId agreementId;
        final Condition<T> condition;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final AtomicBoolean queued = new AtomicBoolean();
        volatile ScheduledFuture<?> expiry;

        Wait(AgreementId agreementId, Condition<T> condition) {
            this.agreementId = agreementId;
            this.condition = condition;
        }

        void check() {
            if (result.isDone()) {
                return;
            }
            try {
                condition.early().ifPresent(result::complete);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        void expire() {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(condition.atTimeout());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        @Override
        public String toString() {
            return "Wait[" + agreementId + "]";
        }
    }
}
