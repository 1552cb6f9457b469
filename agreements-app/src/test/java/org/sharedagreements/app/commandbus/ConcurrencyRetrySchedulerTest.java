package org.sharedagreements.app.commandbus;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sharedagreements.command.idempotency.AnsweredBefore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(executor, 2, 1);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aLostAppendRaceIsRetried() throws InterruptedException {
        CountDownLatch retried = new CountDownLatch(1);
        boolean scheduled = scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new RuntimeException(new ConcurrencyException("another node appended first")),
                failures(1), retried::countDown);
        assertThat(scheduled).isTrue();
        assertThat(retried.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void retriesStopAfterTheLimit() {
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new ConcurrencyException("again"), failures(3), () -> { })).isFalse();
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"),
                new IllegalStateException("a rule said no"), failures(1), () -> { })).isFalse();
    }

    @Test
    void aKeyAnsweredBeforeIsNotRetried() {
        // the first request with the key committed: running the command again is exactly what must not happen
        assertThat(scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("cmd"), new AnsweredBefore(),
                failures(1), () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
