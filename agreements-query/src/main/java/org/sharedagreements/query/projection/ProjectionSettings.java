package org.sharedagreements.query.projection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How the read-model processor runs ({@code agreements.query.*}, beside the waits of {@code GateSettings}), checked
 * when the service starts. See {@link ProjectionConfiguration} for the measurements behind the defaults.
 *
 * @param segments segments of the read-model processor, the most query nodes (threads) that can share its work; fixed
 *                 when its tokens are first created, so 8 leaves room to scale out without a rebuild
 * @param batchSize events per batch, one transaction in which each agreement's rows are written once; 500 was the
 *                  fastest in the benchmark's rebuild (8,800 events/s at 100, 12,700 at 500, 11,400 at 1,000)
 * @param eventsRecheck how often the processor's event source looks at the store when no append was announced to
 *                      it; 500 ms is Axon's own poll, and a committed append is announced at once anyway
 * @param deadLetterRetryInterval how often parked events are retried by themselves (an operator can retry at once);
 *                                10 minutes gives a passing cause (a database restart) time to go away
 */
@Validated
@ConfigurationProperties("agreements.query")
public record ProjectionSettings(
        @Min(1) @Max(1024) @DefaultValue("8") int segments,
        @Min(1) @Max(100_000) @DefaultValue("500") int batchSize,
        @NotNull @DurationMin(millis = 1) @DefaultValue("500ms") Duration eventsRecheck,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("10m") Duration deadLetterRetryInterval) {
}
