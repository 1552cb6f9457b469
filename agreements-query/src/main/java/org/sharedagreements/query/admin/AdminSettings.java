package org.sharedagreements.query.admin;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Rebuilding projections ({@code agreements.admin.*}), checked when the service starts. See
 * {@code ReadModelRebuild} for how a rebuild runs.
 *
 * @param replayClaimTimeout how long a rebuild's hand-over keeps asking for the processor's token rows while a live
 *                           batch (on any node) holds them; 60 s covers a claim that another node still holds (Axon's
 *                           claim timeout is 10 s) with room to spare, and past it the rebuild fails, logged, and the
 *                           live tables stay
 * @param rebuildPageSize events a rebuild reads and applies per transaction: each agreement's rows are written once
 *                        per page, so larger pages write less; 10,000 events are a few megabytes in memory
 * @param rebuildHandoverDistance how close (in events) the pages must come to what the live processor passed before
 *                                the rest is applied per agreement and the tables are swapped
 * @param rebuildLockTimeout how long one attempt of the hand-over waits for the live tables' locks (in-flight live
 *                           batches, readers of the swap) before it lets go and tries again
 */
@Validated
@ConfigurationProperties("agreements.admin")
public record AdminSettings(@NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration replayClaimTimeout,
                            @Min(1) @Max(1_000_000) @DefaultValue("10000") int rebuildPageSize,
                            @Min(0) @Max(1_000_000) @DefaultValue("2000") int rebuildHandoverDistance,
                            @NotNull @DurationMin(millis = 1) @DefaultValue("2s") Duration rebuildLockTimeout) {
}
