package org.sharedagreements.command.idempotency;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The {@code Idempotency-Key} records ({@code agreements.idempotency.*}), checked when the service starts.
 *
 * @param cleanupInterval how often rows past their 24 hours are deleted (the first time a minute after the start).
 *                        An expired row already counts as absent, so this only bounds the table's size; 10 minutes
 *                        keeps each delete small
 */
@Validated
@ConfigurationProperties("agreements.idempotency")
public record IdempotencySettings(@NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration cleanupInterval) {
}
