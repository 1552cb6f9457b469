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
 * @param replayClaimTimeout how long a rebuild's hand-over keeps trying to take the tables and the processor's
 *                           token rows from readers and live batches (on any node); 60 s covers a claim that another
 *                           node still holds (Axon's claim timeout is 10 s) with room to spare, and past it the
 *                           rebuild fails, logged, and the live tables stay
 * @param rebuildPageSize events a rebuild reads and applies per transaction: each agreement's rows are written once
 *                        per page, so larger pages write less; 10,000 events are a few megabytes in memory
 * @param rebuildHandoverDistance how close (in events) the pages must come to what the live processor passed before
 *                                the rest is applied per agreement and the tables are swapped
 * @param rebuildLockTimeout how long one transaction of the hand-over keeps trying to lock the tables (it never waits
 *                           for a lock: it tries again every millisecond) before it lets go, catches up and starts
 *                           another; 1 s lets busy readers and live batches through
 * @param rebuildWriters threads that apply each page, split by agreement, each in its own transaction (one of them
 *                       the rebuild's own); 2 keeps both cores of a small machine busy while PostgreSQL writes a
 *                       part, 1 applies each page in one transaction; each writer holds a pooled connection while
 *                       it writes, beside the reader's
 */
@Validated
@ConfigurationProperties("agreements.admin")
public record AdminSettings(@NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration replayClaimTimeout,
                            @Min(1) @Max(1_000_000) @DefaultValue("10000") int rebuildPageSize,
                            @Min(0) @Max(1_000_000) @DefaultValue("2000") int rebuildHandoverDistance,
                            @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration rebuildLockTimeout,
                            @Min(1) @Max(16) @DefaultValue("2") int rebuildWriters) {
}
