package org.sharedagreements.query.admin;

import org.sharedagreements.query.QuerySide;
import org.sharedagreements.query.projection.ProjectionSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

import java.time.Duration;

/**
 * The settings of projection administration, and the retry of parked events every
 * {@link ProjectionSettings#deadLetterRetryInterval()} (the first one interval after the start), registered from the
 * typed setting rather than from a placeholder string in {@code @Scheduled}.
 */
@QuerySide
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSettings.class)
public class AdminConfiguration {

    @Bean
    public SchedulingConfigurer deadLetterRetries(DeadLetters deadLetters, ProjectionSettings projections) {
        Duration interval = projections.deadLetterRetryInterval();
        return registrar -> registrar.addFixedDelayTask(new FixedDelayTask(deadLetters::retryOnSchedule, interval,
                interval));
    }
}
