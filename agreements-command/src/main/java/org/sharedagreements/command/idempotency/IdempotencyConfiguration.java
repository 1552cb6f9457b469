package org.sharedagreements.command.idempotency;

import org.sharedagreements.command.CommandSide;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

import java.time.Duration;

/**
 * Deletes expired {@code Idempotency-Key} rows every {@link IdempotencySettings#cleanupInterval()}, registered from
 * the typed setting rather than from a placeholder string in {@code @Scheduled}.
 */
@CommandSide
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
public class IdempotencyConfiguration {

    /** Not at once: a start has enough to do, and rows expire over hours. */
    private static final Duration FIRST_CLEANUP_AFTER = Duration.ofMinutes(1);

    @Bean
    public SchedulingConfigurer idempotencyCleanup(IdempotencyRecords records, IdempotencySettings settings) {
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(records::forgetExpired,
                settings.cleanupInterval(), FIRST_CLEANUP_AFTER));
    }
}
