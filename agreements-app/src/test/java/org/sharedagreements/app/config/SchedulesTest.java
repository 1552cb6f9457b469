package org.sharedagreements.app.config;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic jobs run at the intervals of their settings records: the {@code Idempotency-Key} cleanup every
 * {@code agreements.idempotency.cleanup-interval} (first after a minute), the retry of parked events every
 * {@code agreements.query.dead-letter-retry-interval} (first after one interval); both 10 minutes by default.
 */
class SchedulesTest extends ApiTest {

    @Autowired
    private List<ScheduledTaskHolder> holders;

    @Test
    void theCleanupAndTheRetryRunAtTheirDefaultIntervals() {
        List<Map.Entry<Duration, Duration>> fixedDelays = holders.stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .filter(task -> task.getTask() instanceof FixedDelayTask)
                .map(task -> (FixedDelayTask) task.getTask())
                .map(task -> Map.entry(task.getIntervalDuration(), task.getInitialDelayDuration()))
                .toList();
        assertThat(fixedDelays).as("(interval, first run after)").contains(
                Map.entry(Duration.ofMinutes(10), Duration.ofMinutes(1)),
                Map.entry(Duration.ofMinutes(10), Duration.ofMinutes(10)));
    }
}
