package org.sharedagreements.query.admin;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Rebuilding projections ({@code agreements.admin.*}), checked when the service starts.
 *
 * @param replayClaimTimeout how long a rebuild waits for the restarted processor to claim its segments, during which
 *                           the projections count as replaying; 60 s covers a token claim that another node still
 *                           holds (Axon's claim timeout is 10 s) with room to spare, and past it a warning is logged
 */
@Validated
@ConfigurationProperties("agreements.admin")
public record AdminSettings(@NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration replayClaimTimeout) {
}
